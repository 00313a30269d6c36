package dev.tapes.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** MicroProfile Config, reached by reflection on its two API types. */
final class MicroProfileConfiguration implements Configuration {

  static final String PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";
  private static final String CONFIG = "org.eclipse.microprofile.config.Config";

  private final Object config;
  private final Method getOptionalValue;
  private final Method getPropertyNames;

  private MicroProfileConfiguration(Object config, Class<?> configType) throws NoSuchMethodException {
    this.config = config;
    this.getOptionalValue = configType.getMethod("getOptionalValue", String.class, Class.class);
    this.getPropertyNames = configType.getMethod("getPropertyNames");
  }

  static Configuration of(ClassLoader loader) throws ReflectiveOperationException {
    Class<?> provider = Class.forName(PROVIDER, true, loader);
    Object config = provider.getMethod("getConfig", ClassLoader.class).invoke(null, loader);
    return new MicroProfileConfiguration(config, Class.forName(CONFIG, false, loader));
  }

  @Override
  public String get(String key) {
    Optional<?> value = (Optional<?>) call(getOptionalValue, key, String.class);
    return (String) value.orElse(null);
  }

  @Override
  public Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (Object key : (Iterable<?>) call(getPropertyNames)) {
      keys.add((String) key);
    }
    return keys;
  }

  @Override
  public String describe() {
    return "MicroProfile Config";
  }

  private Object call(Method method, Object... arguments) {
    try {
      return method.invoke(config, arguments);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call MicroProfile Config " + method, e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("MicroProfile Config " + method + " failed", cause);
    }
  }
}
