package dev.tapes.internal;

/** How the integrations name a bean or resource class: the one the user wrote. */
public final class ClassNames {

  private ClassNames() {}

  /**
   * The application's class behind a container-generated subclass, so that metrics carry the
   * name the user wrote: CDI containers generate proxies and subclasses with {@code $$} in their
   * names (Weld's {@code Foo$Proxy$_$$_WeldSubclass}, OpenWebBeans'), some marked synthetic.
   */
  public static Class<?> userClass(Class<?> type) {
    Class<?> c = type;
    while ((c.isSynthetic() || c.getName().contains("$$")) && c.getSuperclass() != null
        && c.getSuperclass() != Object.class) {
      c = c.getSuperclass();
    }
    return c;
  }
}
