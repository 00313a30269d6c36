package dev.tapes.cdi.example;

/** A concrete resource: no scope, no annotation of its own; the stereotype makes it a bean. */
public class WidgetResource extends BaseResource {

  @Override
  protected String get() {
    return "widgets";
  }
}
