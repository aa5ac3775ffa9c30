package dev.memplan.live;

/** Connector/J's sslMode values, offered as they are. */
public enum TlsMode {
	DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY
}
