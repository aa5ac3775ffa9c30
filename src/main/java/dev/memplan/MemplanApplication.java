package dev.memplan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MemplanApplication {

	public static void main(String[] args) {
		SpringApplication.run(MemplanApplication.class, args);
	}

}
