package dev.memplan.live;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.memplan.core.Diagnostic;
import dev.memplan.core.DiagnosticCode;
import dev.memplan.budget.HostSpec;
import dev.memplan.budget.Plan;
import dev.memplan.budget.Planner;
import dev.memplan.catalog.ServerCatalog;
import dev.memplan.support.CuttingProxy;
import dev.memplan.support.LocalMariaDb;

import static org.assertj.core.api.Assertions.assertThat;
import dev.memplan.livereading.LiveReading;
import dev.memplan.livereading.LiveSnapshot;
import dev.memplan.livereading.ObservedPeaks;

/** The probe against the real MariaDB on this machine, and against local sockets that misbehave. */
class LiveServerProbeIntegrationTests {

	private final LiveServerProbe probe = new LiveServerProbe(new AllowedHosts(List.of()), Duration.ofSeconds(2),
			Duration.ofSeconds(2));

	@BeforeAll
	static void createUser() throws Exception {
		LocalMariaDb.createProbeUser();
	}

	private static LiveTarget target(String host, int port, String password, String tls) {
		return LiveTarget.of(host, Integer.toString(port), LocalMariaDb.USER, password.toCharArray(), tls);
	}

	private static ProbeFailure failure(ProbeResult result) {
		assertThat(result).isInstanceOf(ProbeResult.Failed.class);
		return ((ProbeResult.Failed) result).failure();
	}

	@Test
	void readsTheServerAsALeastPrivilegedUser() throws Exception {
		ProbeResult result = this.probe.probe(target(LocalMariaDb.HOST, LocalMariaDb.PORT, LocalMariaDb.PASSWORD, "PREFERRED"));
		assertThat(result).isInstanceOf(ProbeResult.Connected.class);
		LiveSnapshot snapshot = ((ProbeResult.Connected) result).snapshot();
		assertThat(snapshot.version()).isEqualTo(LocalMariaDb.scalar("SELECT VERSION()"));
		assertThat(snapshot.variables().get("max_connections")).isEqualTo(LocalMariaDb.scalar("SELECT @@max_connections"));
		assertThat(snapshot.variables().get("innodb_buffer_pool_size"))
			.isEqualTo(LocalMariaDb.scalar("SELECT @@innodb_buffer_pool_size"));
		// Memory_used moves a little between two reads: within 10 % of the server's own answer
		long measured = snapshot.measuredTotalBytes();
		long server = Long.parseLong(LocalMariaDb.scalar("SHOW GLOBAL STATUS LIKE 'Memory_used'"));
		assertThat(measured).isBetween(server * 9 / 10, server * 11 / 10);
		assertThat(snapshot.measuredNotes()).extracting(Diagnostic::code).contains(DiagnosticCode.MEASURED_LEAVES_OUT);
		assertThat(snapshot.topConsumers()).isNotEmpty(); // at least its own connection
	}

	@Test
	void plansWithLiveOriginsAndObservedConnections() throws Exception {
		LiveSnapshot snapshot = ((ProbeResult.Connected) this.probe
			.probe(target(LocalMariaDb.HOST, LocalMariaDb.PORT, LocalMariaDb.PASSWORD, "PREFERRED"))).snapshot();
		LiveReading reading = LiveReading.of(snapshot, ServerCatalog.standard());
		assertThat(reading.profile().id()).isEqualTo("mariadb-10.11");
		long maxUsed = Long.parseLong(snapshot.status().get("max_used_connections"));
		Plan plan = Planner.standard().plan(reading.profile(), reading.settings(),
				HostSpec.ofRam(16L << 30).withExpectedConnections(maxUsed));
		assertThat(plan.settings().variable("max_connections").orElseThrow().origin().toString()).isEqualTo("live");
		assertThat(plan.settings().bytes("max_connections")).isEqualTo(Long.parseLong(LocalMariaDb.scalar("SELECT @@max_connections")));
		// the top of the offline range: every observed connection at its worst
		assertThat(plan.budget().expectedPeak().highBytes())
			.isEqualTo(plan.budget().globalBytes() + maxUsed * plan.budget().perConnectionBytes());
	}

	@Test
	void readsTheConnectionsHighWaterMarks() throws Exception {
		LiveSnapshot snapshot = ((ProbeResult.Connected) this.probe
			.probe(target(LocalMariaDb.HOST, LocalMariaDb.PORT, LocalMariaDb.PASSWORD, "PREFERRED"))).snapshot();
		ObservedPeaks observed = snapshot.observed();
		// MariaDB 10.11 reports its allocator; Debian's build links glibc malloc ("system")
		assertThat(observed.mallocLibrary()).isEqualTo("system");
		if (observed.hasMarks()) {
			assertThat(observed.source()).isEqualTo("information_schema.PROCESSLIST.MAX_MEMORY_USED");
			assertThat(observed.largestBytes()).isGreaterThanOrEqualTo(observed.typicalBytes()).isPositive();
		}
		else {
			// only the probe's own connection was open: the reading says so rather than projecting from nothing
			assertThat(observed.missing()).extracting(Diagnostic::code).contains(DiagnosticCode.OBSERVED_NO_OTHER_CONNECTION);
		}
	}

	@Test
	void saysNothingListensOnAClosedPort() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		ProbeFailure failure = failure(this.probe.probe(target("127.0.0.1", port, "x", "DISABLED")));
		assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.REFUSED);
		assertThat(failure.message()).isEqualTo("Nothing accepts connections at 127.0.0.1:" + port + ".");
	}

	@Test
	void givesUpOnAPortThatAcceptsAndNeverAnswers() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
			List<Socket> accepted = new ArrayList<>();
			Thread acceptor = new Thread(() -> {
				try {
					accepted.add(silent.accept());
				}
				catch (Exception ex) {
					// closed
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			long start = System.nanoTime();
			ProbeFailure failure = failure(this.probe.probe(target("127.0.0.1", silent.getLocalPort(), "x", "DISABLED")));
			long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
			assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.TIMED_OUT);
			assertThat(seconds).as("returns within the timeout, not forever").isLessThan(10);
		}
	}

	@Test
	void saysAnUnknownHostDoesNotResolve() {
		ProbeFailure failure = failure(this.probe.probe(target("no-such-host.invalid", 3306, "x", "DISABLED")));
		assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.UNKNOWN_HOST);
	}

	@Test
	void saysAWrongPasswordWasRefusedAndNamesTheAccountTheServerSaw() throws Exception {
		ProbeFailure failure = failure(this.probe.probe(target(LocalMariaDb.HOST, LocalMariaDb.PORT, "wrong-password", "PREFERRED")));
		assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.ACCESS_DENIED);
		// the host part the server matches a login from 127.0.0.1 against, as USER() shows it to root on the same path
		String seen = LocalMariaDb.scalar("SELECT SUBSTRING_INDEX(USER(), '@', -1)");
		assertThat(failure.deniedAccount()).contains(new DeniedAccount(LocalMariaDb.USER, seen, true));
		assertThat(failure.message()).startsWith("The server at 127.0.0.1:3306 refused 'memplan_probe'@'" + seen
				+ "', the user and the host as the server saw them: either the password is wrong, or no account for 'memplan_probe'"
				+ " has a host part that matches '" + seen + "'")
			.contains("CREATE USER 'memplan_probe'@'" + seen + "' IDENTIFIED BY '<new password>';")
			.contains("GRANT PROCESS ON *.* TO 'memplan_probe'@'" + seen + "';")
			.doesNotContain("wrong-password");
	}

	@Test
	void anAccountNameFromTheServerIsEscapedAsSql() throws Exception {
		// no such user: MariaDB answers 1045 and echoes the name as it was sent, quote and markup included
		ProbeFailure failure = failure(this.probe.probe(LiveTarget.of(LocalMariaDb.HOST, Integer.toString(LocalMariaDb.PORT),
				"o'<b>x", "some-password".toCharArray(), "PREFERRED")));
		assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.ACCESS_DENIED);
		assertThat(failure.deniedAccount().orElseThrow().user()).isEqualTo("o'<b>x");
		assertThat(failure.deniedAccount().orElseThrow().account()).startsWith("'o''<b>x'@'");
	}

	@Test
	void saysTlsWasRequiredButNotOffered() throws Exception {
		String ssl = LocalMariaDb.scalar("SHOW GLOBAL VARIABLES LIKE 'have_ssl'");
		org.junit.jupiter.api.Assumptions.assumeFalse("YES".equals(ssl), "SKIPPED: this MariaDB offers TLS");
		ProbeFailure failure = failure(this.probe.probe(target(LocalMariaDb.HOST, LocalMariaDb.PORT, LocalMariaDb.PASSWORD, "REQUIRED")));
		assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.TLS_UNAVAILABLE);
	}

	@Test
	void saysTheConnectionWasLostMidProbe() throws Exception {
		try (CuttingProxy proxy = new CuttingProxy(LocalMariaDb.HOST, LocalMariaDb.PORT, "SHOW GLOBAL STATUS")) {
			ProbeFailure failure = failure(this.probe.probe(target("127.0.0.1", proxy.port(), LocalMariaDb.PASSWORD, "DISABLED")));
			assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.CONNECTION_LOST);
		}
	}

	@Test
	void refusesAHostOutsideTheAllowedRangesWithoutConnecting() throws Exception {
		LiveServerProbe restricted = new LiveServerProbe(new AllowedHosts(List.of("10.0.0.0/8", "db.internal")),
				Duration.ofSeconds(2), Duration.ofSeconds(2));
		try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
			AtomicInteger connections = new AtomicInteger();
			Thread acceptor = new Thread(() -> {
				try {
					listener.accept();
					connections.incrementAndGet();
				}
				catch (Exception ex) {
					// closed
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			ProbeFailure failure = failure(restricted.probe(target("127.0.0.1", listener.getLocalPort(), "x", "DISABLED")));
			assertThat(failure.kind()).isEqualTo(ProbeFailure.Kind.HOST_NOT_ALLOWED);
			Thread.sleep(200);
			assertThat(connections.get()).isZero();
		}
	}

	@Test
	void allowsAHostInsideAnAllowedRange() {
		LiveServerProbe restricted = new LiveServerProbe(new AllowedHosts(List.of("127.0.0.0/8")), Duration.ofSeconds(2),
				Duration.ofSeconds(5));
		assertThat(restricted.probe(target("127.0.0.1", LocalMariaDb.PORT, LocalMariaDb.PASSWORD, "PREFERRED")))
			.isInstanceOf(ProbeResult.Connected.class);
	}

}
