package dev.tapes.cdi;

import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** An invocation of one method on one target whose {@code proceed()} runs {@code body}. */
final class FixedInvocation implements InvocationContext {

  private final Object target;
  private final Method method;
  private final Callable<Object> body;
  private final Map<String, Object> data = new HashMap<>();

  FixedInvocation(Object target, Method method, Callable<Object> body) {
    this.target = target;
    this.method = method;
    this.body = body;
  }

  @Override
  public Object getTarget() {
    return target;
  }

  @Override
  public Object getTimer() {
    return null;
  }

  @Override
  public Method getMethod() {
    return method;
  }

  @Override
  public Constructor<?> getConstructor() {
    return null;
  }

  @Override
  public Object[] getParameters() {
    return new Object[0];
  }

  @Override
  public void setParameters(Object[] params) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Map<String, Object> getContextData() {
    return data;
  }

  @Override
  public Object proceed() throws Exception {
    return body.call();
  }
}
