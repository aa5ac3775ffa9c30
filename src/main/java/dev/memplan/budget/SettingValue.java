package dev.memplan.budget;

import dev.memplan.core.Origin;

/** A variable's value as written in the input (form, file, dump, server), before the server's rules. */
public record SettingValue(String text, Origin origin) {
}
