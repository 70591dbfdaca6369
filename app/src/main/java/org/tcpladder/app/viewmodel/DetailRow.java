package org.tcpladder.app.viewmodel;

/** One line of the details pane: a field's name and its value as text. */
public record DetailRow(String label, String value) {
}
