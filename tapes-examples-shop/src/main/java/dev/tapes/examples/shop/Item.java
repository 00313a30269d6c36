package dev.tapes.examples.shop;

/** Something the shop sells; written as JSON by the server's JSON-B provider. */
public record Item(String id, String name, int stock) {}
