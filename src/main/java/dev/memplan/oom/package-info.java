/**
 * The host side: kernel OOM logs (every format from 2.6.32 to 6.x) read into events, host snapshots, and the OOM killer's ranking of the host's processes with mysqld at its worst case.
 * <p>
 * Imports core. Plain Java. See docs/design.md.
 */
package dev.memplan.oom;
