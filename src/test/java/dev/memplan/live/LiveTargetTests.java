package dev.memplan.live;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LiveTargetTests {

	@ParameterizedTest
	@ValueSource(strings = { "db1.example.com", "localhost", "10.1.2.3", "::1", "[2001:db8::5]", "DB-1.Example.COM" })
	void acceptsHostNamesAndIpLiterals(String host) {
		assertThat(LiveTarget.validHost(host)).doesNotContain("/", "?", "(", "=");
	}

	@ParameterizedTest
	@ValueSource(strings = { "db/x", "db?allowLoadLocalInfile=true", "address=(host=h)(allowLoadLocalInfile=true)", "h,evil:3306",
			"db:3306", "a b", "", "-db", "db..example", "d\nb", "user@db", "::1:3306:x" })
	void refusesAnythingThatCouldCarryUrlSyntax(String host) {
		assertThatExceptionOfType(LiveTarget.InvalidTargetException.class).isThrownBy(() -> LiveTarget.validHost(host))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("host"));
	}

	@Test
	void buildsTheUrlFromTheValidatedHostAndPortOnly() {
		assertThat(LiveServerProbe.url("db1.example.com", 3307)).isEqualTo("jdbc:mysql://db1.example.com:3307/");
		assertThat(LiveServerProbe.url("2001:db8::5", 3306)).isEqualTo("jdbc:mysql://[2001:db8::5]:3306/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "65536", "33o6", "-1" })
	void refusesPortsOutOfRange(String port) {
		assertThatExceptionOfType(LiveTarget.InvalidTargetException.class).isThrownBy(() -> LiveTarget.validPort(port));
	}

	@Test
	void neverPrintsThePassword() {
		LiveTarget target = LiveTarget.of("db1", "3306", "app", "s3cret-value".toCharArray(), "PREFERRED");
		assertThat(target.toString()).doesNotContain("s3cret-value").contains("db1:3306");
		target.wipePassword();
		assertThat(new String(target.password())).doesNotContain("s3cret");
	}

	@Test
	void matchesCidrRanges() throws Exception {
		AllowedHosts.Cidr range = AllowedHosts.Cidr.parse("10.20.0.0/16");
		assertThat(range.contains(InetAddress.getByName("10.20.255.1"))).isTrue();
		assertThat(range.contains(InetAddress.getByName("10.21.0.1"))).isFalse();
		assertThat(AllowedHosts.Cidr.parse("192.168.1.128/25").contains(InetAddress.getByName("192.168.1.127"))).isFalse();
		assertThat(AllowedHosts.Cidr.parse("::1/128").contains(InetAddress.getByName("::1"))).isTrue();
	}

	@Test
	void allowsByNameOrRangeAndRefusesTheRest() throws Exception {
		AllowedHosts allowed = new AllowedHosts(List.of("db.internal", "127.0.0.0/8"));
		assertThat(allowed.permit("db.internal")).isEqualTo("db.internal");
		assertThat(allowed.permit("127.0.0.1")).isEqualTo("127.0.0.1");
		assertThatExceptionOfType(AllowedHosts.HostNotAllowedException.class).isThrownBy(() -> allowed.permit("10.0.0.1"));
		assertThat(new AllowedHosts(List.of()).allowsAny()).isTrue();
	}

}
