package dev.tapes.cdi;

import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledExecutorService;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds the container's {@code ManagedScheduledExecutorService}, the executor Jakarta EE says
 * applications should schedule on, without depending on the Jakarta Concurrency API: it is a
 * {@link ScheduledExecutorService}, which is all the reporters need.
 */
final class ManagedExecutors {

  /** Where every Jakarta EE server binds its default managed scheduled executor. */
  static final String DEFAULT_SCHEDULED = "java:comp/DefaultManagedScheduledExecutorService";

  private static final System.Logger LOG = System.getLogger(ManagedExecutors.class.getName());

  private ManagedExecutors() {}

  /** The container's scheduled executor, or null outside a Jakarta EE server. */
  static ScheduledExecutorService lookUp() {
    try {
      InitialContext context = new InitialContext();
      try {
        Object found = context.lookup(DEFAULT_SCHEDULED);
        if (found instanceof ScheduledExecutorService executor) {
          return executor;
        }
        LOG.log(Level.DEBUG, DEFAULT_SCHEDULED + " is not a ScheduledExecutorService: " + found);
      } finally {
        context.close();
      }
    } catch (NamingException | RuntimeException | LinkageError e) {
      // Weld SE, a servlet container, a unit test: no JNDI or no such entry.
      LOG.log(Level.DEBUG, "no managed scheduled executor at " + DEFAULT_SCHEDULED + " (" + e
          + "); reporting on a daemon thread of our own");
    }
    return null;
  }
}
