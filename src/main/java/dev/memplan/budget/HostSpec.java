package dev.memplan.budget;

import java.math.BigDecimal;

/**
 * The host and the load the plan is for.
 *
 * @param hostCpus null when unknown (only MySQL 8.4's buffer pool instances depend on it)
 * @param expectedConnections null when unknown: then there is no expected peak
 * @param mysqlShare the part of RAM MySQL may use, 0 &lt; share &lt;= 1
 * @param workload what the statements are assumed to do where no variable says it
 */
public record HostSpec(long hostRamBytes, Integer hostCpus, Long expectedConnections, BigDecimal mysqlShare,
		long reservedForOtherProcessesBytes, Workload workload) {

	public static final BigDecimal DEFAULT_SHARE = new BigDecimal("0.85");

	public HostSpec {
		workload = (workload != null) ? workload : Workload.DEFAULTS;
	}

	public HostSpec(long hostRamBytes, Integer hostCpus, Long expectedConnections, BigDecimal mysqlShare,
			long reservedForOtherProcessesBytes) {
		this(hostRamBytes, hostCpus, expectedConnections, mysqlShare, reservedForOtherProcessesBytes, Workload.DEFAULTS);
	}

	public static HostSpec ofRam(long hostRamBytes) {
		return new HostSpec(hostRamBytes, null, null, DEFAULT_SHARE, 0);
	}

	public HostSpec withExpectedConnections(Long connections) {
		return new HostSpec(this.hostRamBytes, this.hostCpus, connections, this.mysqlShare, this.reservedForOtherProcessesBytes,
				this.workload);
	}

	public HostSpec withWorkload(Workload workload) {
		return new HostSpec(this.hostRamBytes, this.hostCpus, this.expectedConnections, this.mysqlShare,
				this.reservedForOtherProcessesBytes, workload);
	}

}
