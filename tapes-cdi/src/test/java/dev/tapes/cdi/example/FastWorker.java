package dev.tapes.cdi.example;

/** Inherits {@code work()}: counted as {@code workers.FastWorker.work}. */
public class FastWorker extends BaseWorker {}
