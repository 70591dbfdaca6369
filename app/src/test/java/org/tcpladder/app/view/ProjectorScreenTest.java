package org.tcpladder.app.view;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectorScreenTest {
    @Test
    void withTwoScreensThePresenterGoesToTheOneWithoutTheWindow() {
        assertEquals("projector", Presenter.projectorOf(List.of("laptop", "projector"), "laptop"));
        assertEquals("projector", Presenter.projectorOf(List.of("projector", "laptop"), "laptop"));
    }

    @Test
    void withOneScreenThePresenterCoversTheWindowsOwn() {
        assertEquals("laptop", Presenter.projectorOf(List.of("laptop"), "laptop"));
    }
}
