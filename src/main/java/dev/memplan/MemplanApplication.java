package dev.memplan;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.memplan.cli.MemplanCli;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MemplanApplication {

	/** {@code check}, {@code help} and {@code version} run the command line without a web server. */
	public static void main(String[] args) {
		if (MemplanCli.handles(args)) {
			System.exit(new MemplanCli(System.in, System.out, System.err, System.getenv()).run(List.of(args)));
		}
		SpringApplication.run(MemplanApplication.class, args);
	}

}
