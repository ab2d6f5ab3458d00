package com.rigsync.demo.simulator;

/** A tag of the simulated organisation; {@code parentTagId} is null for a top-level tag. */
public record SimulatedTag(String id, String name, String parentTagId) {
}
