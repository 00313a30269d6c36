package dev.tapes.cdi;

import dev.tapes.Registry;
import dev.tapes.internal.Configuration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Decorator;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessSyntheticAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.Interceptor;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The portable extension: {@link MeteredClass} names, injectable metrics, the {@link Timed},
 * {@link Metered} and {@link Counted} interceptors, {@code @Inject Registry}, and configured
 * reporters, in any CDI 4.0 container that runs portable extensions (Weld: WildFly, Payara).
 *
 * <p>Registered in {@code META-INF/services}; it adds its own producers and interceptors, so
 * neither our JAR nor the application needs a {@code beans.xml} entry. The observers below
 * read top to bottom in the container's lifecycle order. Naming lives in {@link MetricNaming},
 * which knows nothing of this SPI.
 */
public class TapesExtension implements Extension {

  private static final List<Class<?>> OWN_TYPES = List.of(MetricProducers.class,
      TimedInterceptor.class, MeteredInterceptor.class, CountedInterceptor.class);

  private final TapesRuntime runtime = new TapesRuntime();
  /** Whether the application declares its own {@code @Default Registry} bean. */
  private volatile boolean applicationRegistry;
  private volatile boolean discoveryOver;
  /** Null until read, and if it could not be read (deployment then fails). */
  private volatile TapesConfig config;

  /** Marks the types this extension adds itself. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface Added {

    /** The instance added to our types. */
    final class Literal extends AnnotationLiteral<Added> implements Added {

      static final Literal INSTANCE = new Literal();
      private static final long serialVersionUID = 1L;
    }
  }

  /** Adds our producers and interceptors: they work whatever the discovery mode. */
  void addOwnTypes(@Observes BeforeBeanDiscovery event) {
    for (Class<?> type : OWN_TYPES) {
      event.addAnnotatedType(type, TapesExtension.class.getName() + "." + type.getSimpleName())
          .add(Added.Literal.INSTANCE);
    }
  }

  /**
   * Drops a second copy of our types, should a container also scan our JAR: servers treat a JAR
   * without {@code beans.xml} but with an {@code @Interceptor} class as an implicit bean archive,
   * and flat class paths merge it into the application's archive. Our own copies carry {@link
   * Added}; Weld does not fire {@link ProcessSyntheticAnnotatedType} for them, so that cannot
   * tell them apart. {@link ApplicationLifecycle} belongs to the build compatible extension,
   * which does not run here, so any copy of it goes: its observers would start reporting twice.
   */
  void vetoScannedCopies(@Observes @WithAnnotations({Interceptor.class, Produces.class,
      Observes.class}) ProcessAnnotatedType<?> event) {
    AnnotatedType<?> type = event.getAnnotatedType();
    Class<?> javaClass = type.getJavaClass();
    if (OWN_TYPES.contains(javaClass) && !type.isAnnotationPresent(Added.class)
        || javaClass == ApplicationLifecycle.class) {
      event.veto();
    }
  }

  /** Notes an application registry, and names (hence checks) every injected metric. */
  <X> void planInjections(@Observes ProcessBean<X> event) {
    Bean<X> bean = event.getBean();
    if (!discoveryOver && bean.getTypes().contains(Registry.class)
        && bean.getQualifiers().contains(Default.Literal.INSTANCE)) {
      applicationRegistry = true;
    }
    String problem = event instanceof ProcessManagedBean<?>
        ? classTemplateProblem(bean.getBeanClass()) : null;
    if (problem != null) {
      event.addDefinitionError(new DefinitionException(problem));
      return;
    }
    for (InjectionPoint point : bean.getInjectionPoints()) {
      if (InjectionPoints.isOurs(point)) {
        try {
          runtime.planInjection(InjectionPoints.request(point));
        } catch (IllegalArgumentException e) {
          event.addDefinitionError(new DefinitionException(e.getMessage(), e));
        }
      }
    }
  }

  /** Names (hence checks) the metric of every intercepted method of a bean class. */
  <X> void planMethods(@Observes ProcessManagedBean<X> event, BeanManager manager) {
    if (event.getBean() instanceof jakarta.enterprise.inject.spi.Interceptor<?>
        || event.getBean() instanceof Decorator<?>) {
      return;
    }
    AnnotatedType<X> type = event.getAnnotatedBeanClass();
    Class<X> beanClass = type.getJavaClass();
    if (classTemplateProblem(beanClass) != null) {
      return; // reported once, by planInjections
    }
    MeteredClass metered = beanClass.getAnnotation(MeteredClass.class);
    try {
      Annotation[] onClass = new Annotation[MethodBindings.ALL.size()];
      for (int i = 0; i < onClass.length; i++) {
        onClass[i] = onClass(type, MethodBindings.ALL.get(i).type(), manager);
      }
      for (AnnotatedMethod<? super X> method : businessMethods(type)) {
        for (int i = 0; i < onClass.length; i++) {
          MethodBindings.Binding binding = MethodBindings.ALL.get(i);
          Annotation onMethod = method.getAnnotation(binding.type());
          if (onMethod == null && onClass[i] == null) {
            continue;
          }
          Method javaMethod = method.getJavaMember();
          runtime.planMethod(beanClass, javaMethod, MetricNaming.forMethod(
              new Site(beanClass.getName(), "method", javaMethod.getName()), binding.kind(),
              binding.type().getSimpleName(), MethodBindings.value(onMethod),
              MethodBindings.value(onClass[i]), metered == null ? null : metered.value()));
        }
      }
    } catch (IllegalArgumentException e) {
      event.addDefinitionError(new DefinitionException(e.getMessage(), e));
    }
  }

  /** Reads the configuration, chooses the registry, adds the beans the application lacks. */
  void addBeans(@Observes AfterBeanDiscovery event, BeanManager manager) {
    discoveryOver = true;
    try {
      TapesConfig read = TapesConfig.read(Configuration.detect(classLoader()));
      Supplier<Registry> own = applicationRegistry
          ? () -> manager.createInstance().select(Registry.class).get() : null;
      runtime.select(RegistrySelection.select(read, own, classLoader()));
      config = read;
    } catch (IllegalArgumentException e) {
      event.addDefinitionError(new DefinitionException(e.getMessage(), e));
    }
    event.addBean().beanClass(TapesRuntime.class).types(TapesRuntime.class, Object.class)
        .scope(Dependent.class).createWith(context -> runtime);
    if (!applicationRegistry) {
      event.addBean().beanClass(Registry.class).types(Registry.class, Object.class)
          .scope(Dependent.class).createWith(context -> runtime.registry());
    }
  }

  /** Creates every planned metric: a name the registry refuses fails deployment here. */
  void createMetrics(@Observes AfterDeploymentValidation event) {
    if (config == null) {
      return;
    }
    try {
      for (IllegalArgumentException problem : runtime.createPlanned()) {
        event.addDeploymentProblem(new DeploymentException(problem.getMessage(), problem));
      }
    } catch (RuntimeException e) {
      event.addDeploymentProblem(new DeploymentException("cannot obtain the application's"
          + " Registry bean for its metrics: " + e, e));
    }
  }

  /** Starts the configured reporters once the application has started. */
  void startReporting(@Observes @Initialized(ApplicationScoped.class) Object event) {
    TapesConfig started = config;
    if (started != null) {
      runtime.startReporting(started);
    }
  }

  /**
   * Stops the reporters before the application's beans are destroyed, so that their last
   * report can still read a registry the application produced.
   */
  void stopReporting(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    runtime.stopReporting();
  }

  /** Leaves nothing running: reporters (if still running) and the global registry's ticking. */
  void shutdown(@Observes BeforeShutdown event) {
    runtime.stopReporting();
    runtime.release();
  }

  /** What is wrong with the {@link MeteredClass} template of {@code beanClass}, or null. */
  private static String classTemplateProblem(Class<?> beanClass) {
    MeteredClass metered = beanClass.getAnnotation(MeteredClass.class);
    try {
      if (metered != null) {
        MetricNaming.checkClassTemplate(beanClass.getName(), metered.value());
      }
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** The methods the container may intercept; see {@link BusinessMethods}. */
  private static <X> List<AnnotatedMethod<? super X>> businessMethods(AnnotatedType<X> type) {
    List<BusinessMethods.Candidate<AnnotatedMethod<? super X>>> candidates = new ArrayList<>();
    for (AnnotatedMethod<? super X> method : type.getMethods()) {
      Method javaMethod = method.getJavaMember();
      List<String> parameterTypes = new ArrayList<>();
      for (Class<?> parameterType : javaMethod.getParameterTypes()) {
        parameterTypes.add(parameterType.getName());
      }
      candidates.add(new BusinessMethods.Candidate<>(method, javaMethod.getName(), parameterTypes,
          javaMethod.getModifiers(), javaMethod.isBridge() || javaMethod.isSynthetic(),
          javaMethod.getDeclaringClass() == Object.class,
          depth(javaMethod.getDeclaringClass())));
    }
    return BusinessMethods.select(candidates);
  }

  private static int depth(Class<?> type) {
    int depth = 0;
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      depth++;
    }
    return depth;
  }

  /** A binding on the class: declared, inherited, or carried by one of its stereotypes. */
  private static Annotation onClass(Annotated type, Class<? extends Annotation> binding,
      BeanManager manager) {
    Annotation declared = type.getAnnotation(binding);
    if (declared != null) {
      return declared;
    }
    for (Annotation annotation : type.getAnnotations()) {
      Class<? extends Annotation> annotationType = annotation.annotationType();
      if (manager.isStereotype(annotationType)) {
        for (Annotation meta : manager.getStereotypeDefinition(annotationType)) {
          if (binding.isInstance(meta)) {
            return meta;
          }
        }
      }
    }
    return null;
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : TapesExtension.class.getClassLoader();
  }
}
