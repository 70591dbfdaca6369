package org.tcpladder.capture.demo;

/**
 * One step of a demo script: what happens between two pauses (in step mode, between two
 * {@link DemoSession#proceed()} calls).
 */
public sealed interface Step permits Call, Together {
    /** For people: {@code client: close()}. */
    String describe();
}
