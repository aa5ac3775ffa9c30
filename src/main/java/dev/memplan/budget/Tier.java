package dev.memplan.budget;

/** One row of the size-tiered table: an instance class, its memory and its buffer pool ratio. */
public record Tier(String instanceClass, long memoryBytes, long bufferPoolBytes, int ratioPercent) {
}
