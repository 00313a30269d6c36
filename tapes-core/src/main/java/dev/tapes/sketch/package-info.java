/**
 * The internals of the default quantile sketch: its bucket layout, the lock-free bucket
 * counters of one window slot, and the window of slots. <b>Not API</b>: applications see the
 * sketch through {@link dev.tapes.SketchSnapshot}; everything here may change in any release.
 */
package dev.tapes.sketch;
