package dev.tapes.examples.shop;

/** An order of {@code quantity} times one item. */
public record Order(String id, String item, int quantity, String status) {

  /** The same order, shipped. */
  public Order shipped() {
    return new Order(id, item, quantity, "shipped");
  }
}
