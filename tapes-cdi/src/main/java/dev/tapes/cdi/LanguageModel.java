package dev.tapes.cdi;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.build.compatible.spi.StereotypeInfo;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.DeclarationInfo;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.declarations.ParameterInfo;
import jakarta.enterprise.lang.model.types.Type;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates the build compatible extension's language model ({@code ClassInfo}, {@code
 * InjectionPointInfo}) into the inputs of {@link MetricNaming} and {@link BusinessMethods}, as
 * {@link InjectionPoints} does for the portable extension's {@code InjectionPoint}. It reads
 * only what a build-time index holds: names, annotation values as written, modifiers.
 */
final class LanguageModel {

  /** {@code ACC_BRIDGE} and {@code ACC_SYNTHETIC}: methods the compiler wrote. */
  private static final int GENERATED = 0x0040 | 0x1000;

  private LanguageModel() {}

  /** Whether the metric at {@code point} is ours to provide; see {@link MetricNaming#provides}. */
  static boolean isOurs(InjectionPointInfo point) {
    boolean named = false;
    boolean others = false;
    for (AnnotationInfo qualifier : point.qualifiers()) {
      String name = qualifier.name();
      if (name.equals(Metric.class.getName())) {
        named = true;
      } else if (!name.equals(Default.class.getName()) && !name.equals(Any.class.getName())) {
        others = true;
      }
    }
    return MetricNaming.provides(erasure(point.type()), named, others);
  }

  /**
   * The metric injected at {@code point} of a bean whose class is {@code beanClass}.
   *
   * @throws IllegalArgumentException naming the bean, the member and the annotation at fault
   */
  static MetricRequest request(InjectionPointInfo point, ClassInfo beanClass) {
    String metric = null;
    for (AnnotationInfo qualifier : point.qualifiers()) {
      if (qualifier.name().equals(Metric.class.getName())) {
        metric = value(qualifier);
      }
    }
    return MetricNaming.forInjection(site(point.declaration(), beanClass), erasure(point.type()),
        meteredClass(beanClass), metric);
  }

  /**
   * The value of the {@link MeteredClass} of {@code type}: its own, else the nearest
   * superclass's (the annotation is {@code @Inherited}); null if none carries it.
   */
  static String meteredClass(ClassInfo type) {
    AnnotationInfo metered = nearest(type, MeteredClass.class);
    return metered == null ? null : value(metered);
  }

  /**
   * The interceptor binding {@code binding} a bean carries on its class: on the class or a
   * superclass (our bindings are {@code @Inherited}), else through one of its stereotypes, as the
   * container resolves them.
   */
  static AnnotationInfo onClass(BeanInfo bean, Class<? extends Annotation> binding) {
    AnnotationInfo declared = nearest(bean.declaringClass(), binding);
    if (declared != null) {
      return declared;
    }
    for (StereotypeInfo stereotype : bean.stereotypes()) {
      for (AnnotationInfo carried : stereotype.interceptorBindings()) {
        if (carried.name().equals(binding.getName())) {
          return carried;
        }
      }
    }
    return null;
  }

  /** The annotation's {@code value()} as written; empty when left to its default. */
  static String value(AnnotationInfo annotation) {
    return annotation.hasValue() ? annotation.value().asString() : "";
  }

  /** The methods the container may intercept; see {@link BusinessMethods}. */
  static List<MethodInfo> businessMethods(ClassInfo type) {
    List<BusinessMethods.Candidate<MethodInfo>> candidates = new ArrayList<>();
    for (MethodInfo method : type.methods()) {
      if (method.isConstructor() || method.name().startsWith("<")) {
        continue;
      }
      ClassInfo declaring = method.declaringClass();
      candidates.add(new BusinessMethods.Candidate<>(method, method.name(),
          parameterTypes(method), method.modifiers(), (method.modifiers() & GENERATED) != 0,
          declaring.name().equals(Object.class.getName()), depth(declaring)));
    }
    return BusinessMethods.select(candidates);
  }

  /** The erased parameter types of {@code method}, as {@link Class#getName()} spells them. */
  static List<String> parameterTypes(MethodInfo method) {
    List<String> types = new ArrayList<>();
    for (ParameterInfo parameter : method.parameters()) {
      types.add(erasure(parameter.type()));
    }
    return types;
  }

  /** The erasure of {@code type}, as {@link Class#getName()} spells it. */
  static String erasure(Type type) {
    if (type.isArray()) {
      return "[" + descriptor(type.asArray().componentType());
    }
    if (type.isPrimitive()) {
      return type.asPrimitive().name();
    }
    if (type.isParameterizedType()) {
      return type.asParameterizedType().genericClass().declaration().name();
    }
    if (type.isTypeVariable()) {
      List<Type> bounds = type.asTypeVariable().bounds();
      return bounds.isEmpty() ? Object.class.getName() : erasure(bounds.get(0));
    }
    if (type.isClass()) {
      return type.asClass().declaration().name();
    }
    return Object.class.getName(); // a wildcard or void: never the type of a parameter
  }

  private static String descriptor(Type component) {
    if (component.isPrimitive()) {
      switch (component.asPrimitive().primitiveKind()) {
        case BOOLEAN:
          return "Z";
        case BYTE:
          return "B";
        case SHORT:
          return "S";
        case INT:
          return "I";
        case LONG:
          return "J";
        case FLOAT:
          return "F";
        case DOUBLE:
          return "D";
        default:
          return "C";
      }
    }
    String erased = erasure(component);
    return component.isArray() ? erased : "L" + erased + ";";
  }

  private static Site site(DeclarationInfo declaration, ClassInfo beanClass) {
    if (declaration.isParameter()) {
      ParameterInfo parameter = declaration.asParameter();
      return new Site(beanClass.name(), "parameter", parameterName(parameter));
    }
    if (declaration.isField()) {
      return new Site(beanClass.name(), "field", declaration.asField().name());
    }
    return new Site(beanClass.name(), "member", null);
  }

  /**
   * The parameter's name, or null when the class file does not hold it: the model then makes up
   * {@code argN}, as reflection does, and the portable extension would fail on that too.
   */
  private static String parameterName(ParameterInfo parameter) {
    String name = parameter.name();
    int position = parameter.declaringMethod().parameters().indexOf(parameter);
    return name.equals("arg" + position) ? null : name;
  }

  /** The annotation on {@code type} or, failing that, on its nearest superclass that has it. */
  private static AnnotationInfo nearest(ClassInfo type, Class<? extends Annotation> annotation) {
    for (ClassInfo c = type; c != null; c = superclass(c)) {
      AnnotationInfo found = c.annotation(annotation);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static int depth(ClassInfo type) {
    int depth = 0;
    for (ClassInfo c = type; c != null; c = superclass(c)) {
      depth++;
    }
    return depth;
  }

  /** The superclass, or null at {@code Object} and for interfaces. */
  private static ClassInfo superclass(ClassInfo type) {
    return type.name().equals(Object.class.getName()) ? null : type.superClassDeclaration();
  }
}
