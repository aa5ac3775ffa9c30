package dev.memplan.oom;

/**
 * A process as the OOM killer sees it: resident and swapped memory, page tables, and its
 * oom_score_adj. Bytes.
 */
public record HostProcess(long pid, String name, Long uid, long residentBytes, long swapBytes, long pagetableBytes,
		int oomScoreAdj) {

	public HostProcess withOomScoreAdj(int adj) {
		return new HostProcess(this.pid, this.name, this.uid, this.residentBytes, this.swapBytes, this.pagetableBytes, adj);
	}

	public HostProcess withResidentBytes(long bytes) {
		return new HostProcess(this.pid, this.name, this.uid, bytes, this.swapBytes, this.pagetableBytes, this.oomScoreAdj);
	}

}
