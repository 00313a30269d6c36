package dev.tapes.cdi.example;

/** Inherits {@code work()}: counted as {@code workers.SlowWorker.work}. */
public class SlowWorker extends BaseWorker {}
