package dev.memplan.oom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.memplan.support.Corpus;

import static org.assertj.core.api.Assertions.assertThat;

/** Every log of ../shared/corpus/oom, with the victim each one names written out. */
class OomLogCorpusTests {

	private static OomLogAnalysis parse(String file) throws Exception {
		return new OomLogParser().parse(Files.readString(Corpus.file("oom", file), StandardCharsets.UTF_8));
	}

	private static List<String> victims(OomLogAnalysis analysis) {
		return analysis.events().stream().filter((e) -> e.victim() != null)
			.map((e) -> e.victim().pid() + " " + e.victim().comm()).toList();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"gh-issue-apache-doris-3525__memcg-uid-format.log | 18177 palo_be",
			"gh-issue-bitnami-vms-927__oom-kill-task-mysqld.log | 3774 mysqld",
			"gh-issue-cpanelssp-76__centos6-mysqld-uid.log | 11726 mysqld",
			"gh-issue-docker-for-linux-1001__memcg-repeated-kills.log | 15617 python3;15674 python3;15623 python3;15694 python3",
			"gh-issue-dockerfile-mariadb-12__hand-pasted-messy.log | 16765 mysqld;22570 php5-fpm;3161 mysqld;22421 mysqld",
			"gh-issue-flynn-4436__mysqld-innobackupex-killed.log | 19445 mysqld;9032 innobackupex",
			"gh-issue-kubernetes-56891__dmesg-T-memcg-stats-rhel7.log | 28438 java",
			"gh-issue-minikube-5751__dmesg-human-mysqld.log | 16556 mysqld",
			"gh-issue-misp-bsimvis-49__hand-abridged-wrapped.log | 405448 kvrocks",
			"gh-issue-moby-47418__machine-translated-garbled.log | 2953 python",
			"gh-issue-reportportal-k8s-203__memcg-uid-pgtables-reaper.log | 63214 uwsgi",
			"gh-issue-thewca-1629__travis-memcg-mysqld-4.8.log | 71414 mysqld;123841 mysqld",
			"oomanalyser__archlinux-6.1.1.log | 473206 doxygen",
			"oomanalyser__proxmox-5.15-cgroup-v2.log | 3902942 php-fpm",
			"oomanalyser__rhel7-3.10-mysqld-killed.log | 6576 mysqld",
			"oomanalyser__ubuntu-21.10-5.13.log | 651 unattended-upgr",
			"parseoom__debian-5.10-syslog-mariadbd.log | 517 clamd"
	})
	void yieldsTheVictimTheLogNames(String file, String expected) throws Exception {
		assertThat(victims(parse(file))).containsExactly(expected.split(";"));
	}

	@Test
	void everyCorpusLogParsesWithoutException() throws Exception {
		List<Path> files = Corpus.files("oom");
		for (Path file : files) {
			OomLogAnalysis analysis = new OomLogParser().parse(Files.readString(file, StandardCharsets.ISO_8859_1));
			assertThat(analysis).as(file.getFileName().toString()).isNotNull();
		}
		assertThat(files).hasSize(20);
	}

	@Test
	void readsTriggerOnlyLogsAsEventsWithoutVictim() throws Exception {
		OomLogAnalysis header = parse("gh-issue-bitnami-vms-999__mysqld.bin-header.log");
		assertThat(header.events()).hasSize(1);
		assertThat(header.events().get(0).trigger().comm()).isEqualTo("mysqld.bin");
		assertThat(header.events().get(0).trigger().gfpMask()).isEqualTo("0x24201ca");
		assertThat(header.events().get(0).victim()).isNull();
		OomLogAnalysis prefixed = parse("gh-pr-nixpkgs-81151__nixos-test-prefixed-mysqld.log");
		assertThat(prefixed.events().get(0).trigger().comm()).isEqualTo("mysqld"); // "percona # [ 16.86]" prefix removed
		assertThat(prefixed.events().get(0).uptimeSeconds()).isEqualTo(16.869199);
		assertThat(parse("gh-issue-bitnami-vms-999__hard-wrapped-zone-lines.log").events()).isEmpty();
	}

	@Test
	void readsTheRhel7MysqldKillInFull() throws Exception {
		OomEvent event = parse("oomanalyser__rhel7-3.10-mysqld-killed.log").events().get(0);
		assertThat(event.trigger().comm()).isEqualTo("sed");
		assertThat(event.constraint()).isNull(); // a 3.10 global kill prints no oom-kill: line: not logged
		assertThat(event.victim().score()).isEqualTo(651);
		assertThat(event.victim().anonRssBytes()).isEqualTo(20629004L * 1024);
		assertThat(event.victim().totalVmBytes()).isEqualTo(33914892L * 1024);
		assertThat(event.ramBytes()).isEqualTo(8379834L * 4096);
		assertThat(event.totalSwapBytes()).isEqualTo(8388604L * 1024);
		// the task table, nr_ptes layout: mysqld rss 5157063 pages is the largest
		assertThat(event.tasks().get(0).name()).isEqualTo("mysqld");
		assertThat(event.tasks().get(0).residentBytes()).isEqualTo(5157063L * 4096);
		assertThat(event.tasks().get(0).swapBytes()).isEqualTo(1527848L * 4096);
		assertThat(event.largestOtherTask().name()).isNotEqualTo("mysqld");
		assertThat(event.databaseRow().pid()).isEqualTo(6576);
	}

	@Test
	void readsTheModernFormatWithUidPagetablesAndReaper() throws Exception {
		OomEvent event = parse("parseoom__debian-5.10-syslog-mariadbd.log").events().get(0);
		assertThat(event.time()).isEqualTo("Dec 20 03:17:52");
		assertThat(event.trigger().comm()).isEqualTo("f2b/f.postfix");
		assertThat(event.victim().uid()).isEqualTo(111);
		assertThat(event.victim().pagetablesBytes()).isEqualTo(4292L * 1024);
		assertThat(event.victim().oomScoreAdj()).isZero();
		assertThat(event.reaped().pid()).isEqualTo(517);
		assertThat(event.ramBytes()).isEqualTo(5241540L * 4096);
		OomEvent.Task mariadbd = event.tasks().stream().filter((t) -> t.name().equals("mariadbd")).findFirst().orElseThrow();
		assertThat(mariadbd.residentBytes()).isEqualTo(7688L * 4096); // pgtables_bytes layout
		assertThat(mariadbd.pagetableBytes()).isEqualTo(323584);
		assertThat(mariadbd.swapBytes()).isEqualTo(12110L * 4096);
	}

	@Test
	void readsMemoryCgroupEvents() throws Exception {
		OomEvent proxmox = parse("oomanalyser__proxmox-5.15-cgroup-v2.log").events().get(0);
		assertThat(proxmox.constraint()).isEqualTo("CONSTRAINT_MEMCG");
		assertThat(proxmox.cgroup().path()).isEqualTo("/lxc/39004");
		assertThat(proxmox.cgroup().limitBytes()).isEqualTo(31211520L * 1024);
		assertThat(proxmox.time()).isEqualTo("Di Aug 12 03:54:03 2025");
		OomEvent doris = parse("gh-issue-apache-doris-3525__memcg-uid-format.log").events().get(0);
		assertThat(doris.constraint()).isEqualTo("CONSTRAINT_MEMCG");
		assertThat(doris.victim().score()).isEqualTo(968);
		assertThat(doris.victim().uid()).isZero();
	}

	@Test
	void findsRestartLoops() throws Exception {
		// three servers in one paste (its own headings say so): the uptime goes back, then jumps 4.7 days: no loop
		OomLogAnalysis messy = parse("gh-issue-dockerfile-mariadb-12__hand-pasted-messy.log");
		assertThat(messy.killedProcesses()).extracting(OomLogAnalysis.KilledProcess::pid).containsExactly(16765L, 22570L, 3161L, 22421L);
		assertThat(messy.restartLoops()).isEmpty();
		// two mysqld processes 119 s apart in one container: restarted and killed again
		OomLogAnalysis travis = parse("gh-issue-thewca-1629__travis-memcg-mysqld-4.8.log");
		assertThat(travis.restartLoops().get(0).kills()).isEqualTo(2);
		assertThat(travis.restartLoops().get(0).evidence()).isEqualTo("KERNEL_LOG");
		assertThat(travis.restartLoops().get(0).spanSeconds()).isCloseTo(4827.992207 - 4709.122085, org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void readsHandWrappedAndGarbledPastes() throws Exception {
		OomEvent wrapped = parse("gh-issue-misp-bsimvis-49__hand-abridged-wrapped.log").events().get(0);
		assertThat(wrapped.victim().anonRssBytes()).isEqualTo(7978652L * 1024);
		assertThat(wrapped.victim().oomScoreAdj()).isEqualTo(200);
		assertThat(wrapped.trigger().oomScoreAdj()).isEqualTo(200);
		OomEvent garbled = parse("gh-issue-moby-47418__machine-translated-garbled.log").events().get(0);
		assertThat(garbled.victim().pagetablesBytes()).isEqualTo(13660L * 1024);
		assertThat(garbled.victim().uid()).isEqualTo(999);
		OomLogAnalysis messy = parse("gh-issue-dockerfile-mariadb-12__hand-pasted-messy.log");
		assertThat(messy.events().get(2).victim().totalVmBytes()).isEqualTo(977148L * 1024); // "total-vm: 977148kb"
		assertThat(messy.events().get(0).victim().score()).isEqualTo(176);
	}

}
