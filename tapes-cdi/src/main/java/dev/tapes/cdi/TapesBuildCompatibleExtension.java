package dev.tapes.cdi;

import dev.tapes.ManualClock;
import dev.tapes.Registry;
import dev.tapes.internal.Configuration;
import jakarta.decorator.Decorator;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanBuilder;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.Validation;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.function.Supplier;

/**
 * The build compatible extension: what {@link TapesExtension} does, for CDI Lite containers
 * that run no portable extension (ArC, in Quarkus), on the same rules ({@link MetricNaming},
 * {@link BusinessMethods}, {@link RegistrySelection}, {@link TapesConfig}).
 *
 * <p>Registered in {@code META-INF/services}; skipped where the portable extension runs (Weld:
 * WildFly, Payara, Weld SE), so exactly one of the two does the work. The phases, in order: add
 * our producers, interceptors and {@link ApplicationLifecycle}; name (hence check) every
 * injected metric and intercepted method of every bean; add the {@code TapesRuntime} bean that
 * carries that plan to run time, and the {@code Registry} bean unless the application has one;
 * check every planned name against a registry, so that one name for two kinds of metric fails
 * the build, as it fails a deployment on Weld.
 *
 * <p>Quarkus runs it while building the application: the configuration ({@code tapes.*}) is
 * read when the application starts, and a bad value stops the start with the message a Weld
 * deployment fails with.
 */
@SkipIfPortableExtensionPresent(TapesExtension.class)
public class TapesBuildCompatibleExtension implements BuildCompatibleExtension {

  private static final List<Class<?>> OWN_TYPES = List.of(MetricProducers.class,
      TimedInterceptor.class, MeteredInterceptor.class, CountedInterceptor.class,
      ApplicationLifecycle.class);
  private static final String APPLICATION_REGISTRY = "tapes.applicationRegistry";

  private final BuildPlan plan = new BuildPlan();
  /** Whether the application declares its own {@code @Default Registry} bean. */
  private boolean applicationRegistry;

  /** Adds our producers, interceptors and lifecycle observers, whatever the discovery mode. */
  @Discovery
  public void addOwnTypes(ScannedClasses scanned) {
    for (Class<?> type : OWN_TYPES) {
      scanned.add(type.getName());
    }
  }

  /**
   * Notes an application registry: then it serves every metric, and we add none. (ArC runs this
   * phase again for synthetic beans, ours included, after {@link #addBeans}: too late to matter.)
   */
  @Registration(types = Registry.class)
  public void noteApplicationRegistry(BeanInfo bean) {
    if (isDefault(bean)) {
      applicationRegistry = true;
    }
  }

  /** Names (hence checks) every injected metric and every intercepted method of a bean. */
  @Registration(types = Object.class)
  public void planBean(BeanInfo bean, Messages messages) {
    ClassInfo beanClass = bean.declaringClass();
    if (beanClass == null) {
      return; // a synthetic bean: no injection points, no methods
    }
    if (bean.isClassBean()) {
      String problem = classTemplateProblem(beanClass);
      if (problem != null) {
        messages.error(problem, bean);
        return;
      }
    }
    for (InjectionPointInfo point : bean.injectionPoints()) {
      if (LanguageModel.isOurs(point)) {
        try {
          plan.addInjection(LanguageModel.request(point, beanClass));
        } catch (IllegalArgumentException e) {
          messages.error(e.getMessage(), bean);
        }
      }
    }
    if (bean.isClassBean() && !isInterceptorOrDecorator(bean)) {
      planMethods(bean, messages);
    }
  }

  /** Adds the run-time side: the plan, and the registry beans. */
  @Synthesis
  public void addBeans(SyntheticComponents components) {
    SyntheticBeanBuilder<TapesRuntime> runtime = components.addBean(TapesRuntime.class)
        .type(TapesRuntime.class).scope(Singleton.class)
        .withParam(APPLICATION_REGISTRY, applicationRegistry);
    plan.toParameters().forEach(runtime::withParam);
    runtime.createWith(RuntimeCreator.class);
    if (!applicationRegistry) {
      components.addBean(Registry.class).type(Registry.class).scope(Dependent.class)
          .createWith(RegistryCreator.class);
    }
  }

  /**
   * Creates every planned metric in a registry of its own, so that a name a registry refuses
   * (one name for two kinds; a leaf that is also a branch) fails the build.
   */
  @Validation
  public void checkNames(Messages messages) {
    Registry names = new Registry(new ManualClock()); // a manual clock: no ticking thread
    for (MetricRequest request : plan.requests()) {
      try {
        request.getOrCreate(names);
      } catch (IllegalArgumentException e) {
        messages.error(e.getMessage());
      }
    }
  }

  private void planMethods(BeanInfo bean, Messages messages) {
    ClassInfo beanClass = bean.declaringClass();
    String metered = LanguageModel.meteredClass(beanClass);
    List<MethodBindings.Binding> bindings = MethodBindings.ALL;
    AnnotationInfo[] onClass = new AnnotationInfo[bindings.size()];
    for (int i = 0; i < onClass.length; i++) {
      onClass[i] = LanguageModel.onClass(bean, bindings.get(i).type());
    }
    try {
      for (MethodInfo method : LanguageModel.businessMethods(beanClass)) {
        for (int i = 0; i < onClass.length; i++) {
          MethodBindings.Binding binding = bindings.get(i);
          AnnotationInfo onMethod = method.annotation(binding.type());
          if (onMethod == null && onClass[i] == null) {
            continue;
          }
          plan.addMethod(MetricNaming.forMethod(
              new Site(beanClass.name(), "method", method.name()), binding.kind(),
              binding.type().getSimpleName(), valueOf(onMethod), valueOf(onClass[i]), metered),
              method.declaringClass().name(), LanguageModel.parameterTypes(method));
        }
      }
    } catch (IllegalArgumentException e) {
      messages.error(e.getMessage(), bean);
    }
  }

  /** What is wrong with the {@link MeteredClass} template of {@code beanClass}, or null. */
  private static String classTemplateProblem(ClassInfo beanClass) {
    String metered = LanguageModel.meteredClass(beanClass);
    try {
      if (metered != null) {
        MetricNaming.checkClassTemplate(beanClass.name(), metered);
      }
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /**
   * By the class's annotations too: Weld's translator hands interceptors to {@code
   * Registration(types = Object.class)} as plain beans.
   */
  private static boolean isInterceptorOrDecorator(BeanInfo bean) {
    ClassInfo beanClass = bean.declaringClass();
    return bean.isInterceptor() || beanClass.hasAnnotation(Interceptor.class)
        || beanClass.hasAnnotation(Decorator.class);
  }

  private static String valueOf(AnnotationInfo binding) {
    return binding == null ? null : LanguageModel.value(binding);
  }

  /** {@code @Default}: declared, or implied by no qualifier but {@code @Any} and {@code @Named}. */
  private static boolean isDefault(BeanInfo bean) {
    boolean others = false;
    for (AnnotationInfo qualifier : bean.qualifiers()) {
      String name = qualifier.name();
      if (name.equals(Default.class.getName())) {
        return true;
      }
      others |= !name.equals(Any.class.getName()) && !name.equals(Named.class.getName());
    }
    return !others;
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : TapesBuildCompatibleExtension.class.getClassLoader();
  }

  /**
   * Not API: the container calls it at run time, when the application first needs Tapes, to
   * build what the application holds ({@code TapesRuntime}) from the plan made at build time and
   * the configuration read then. Public because the container instantiates it from its own
   * generated code.
   */
  public static final class RuntimeCreator implements SyntheticBeanCreator<TapesRuntime> {

    /**
     * Reads the configuration and chooses the registry. A bad configuration does not fail this
     * creation but the application's start ({@link TapesRuntime#start()}), with the message a
     * Weld deployment fails with: Quarkus creates this bean while it deploys its REST layer
     * (tapes-jaxrs asks for the registry), and a bean whose creation failed would be created
     * again, and fail again, at every later lookup, also while the application stops.
     */
    @Override
    public TapesRuntime create(Instance<Object> lookup, Parameters parameters) {
      ClassLoader loader = classLoader();
      Supplier<Registry> own = parameters.get(APPLICATION_REGISTRY, Boolean.class, false)
          ? () -> lookup.select(Registry.class).get() : null;
      TapesRuntime runtime = new TapesRuntime();
      try {
        TapesConfig config = TapesConfig.read(Configuration.detect(loader));
        runtime.select(RegistrySelection.select(config, own, loader));
        runtime.configure(config);
      } catch (IllegalArgumentException e) {
        TapesConfig none = new TapesConfig(List.of(), null);
        runtime.select(RegistrySelection.select(none, own, loader));
        runtime.configure(none);
        runtime.misconfigured(e);
      }
      BuildPlan.plan(name -> parameters.get(name, String[].class, null), loader, runtime);
      return runtime;
    }
  }

  /** Not API: {@code @Inject Registry}, the registry {@code TapesRuntime} chose. */
  public static final class RegistryCreator implements SyntheticBeanCreator<Registry> {

    @Override
    public Registry create(Instance<Object> lookup, Parameters parameters) {
      return lookup.select(TapesRuntime.class).get().registry();
    }
  }
}
