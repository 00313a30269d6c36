package dev.tapes.cdi;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.concurrent.ScheduledExecutorService;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;

/**
 * A JNDI provider that binds one name, as an application server binds its managed scheduled
 * executor: selected with the system property {@code java.naming.factory.initial}. JNDI creates
 * the factory by class name, so the bound executor is handed over in a static field.
 */
public final class TestNaming implements InitialContextFactory {

  static volatile ScheduledExecutorService managedExecutor;

  @Override
  public Context getInitialContext(Hashtable<?, ?> environment) {
    return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(),
        new Class<?>[] {Context.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "lookup":
              if (ManagedExecutors.DEFAULT_SCHEDULED.equals(String.valueOf(args[0]))
                  && managedExecutor != null) {
                return managedExecutor;
              }
              throw new NameNotFoundException(String.valueOf(args[0]));
            case "close":
              return null;
            default:
              throw new UnsupportedOperationException(method.getName());
          }
        });
  }
}
