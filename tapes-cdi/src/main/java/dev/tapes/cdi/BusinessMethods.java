package dev.tapes.cdi;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which methods of a bean class the container may intercept, whichever model lists them: the
 * portable extension's {@code AnnotatedType}, or the build compatible extension's {@code
 * ClassInfo}. Both list the methods of the class, its superclasses and interfaces; one rule picks
 * the ones that get a metric, so the two extensions plan the same metrics.
 */
final class BusinessMethods {

  private BusinessMethods() {}

  /**
   * A method as a model describes it.
   *
   * @param method the model's own object, handed back by {@link #select}
   * @param parameterTypes the erased parameter types, as {@link Class#getName()} spells them
   * @param modifiers as {@link java.lang.reflect.Method#getModifiers()}
   * @param generated a bridge or synthetic method, which the compiler wrote
   * @param declaredByObject declared by {@code java.lang.Object}
   * @param depth how many classes deep its declaring class is ({@code Object} 1, an interface 1),
   *     so that an overriding method sorts before the method it overrides
   */
  record Candidate<M>(M method, String name, List<String> parameterTypes, int modifiers,
      boolean generated, boolean declaredByObject, int depth) {}

  /**
   * The interceptable methods: not static, private or final, not generated, not declared by
   * {@code Object}, and of methods with one signature only the most derived (the one called).
   */
  static <M> List<M> select(List<Candidate<M>> candidates) {
    List<Candidate<M>> all = new ArrayList<>(candidates);
    all.sort(Comparator.comparingInt(candidate -> -candidate.depth()));
    Set<List<String>> signatures = new HashSet<>();
    List<M> methods = new ArrayList<>();
    for (Candidate<M> candidate : all) {
      int modifiers = candidate.modifiers();
      if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers)
          || Modifier.isFinal(modifiers) || candidate.generated() || candidate.declaredByObject()) {
        continue;
      }
      List<String> signature = new ArrayList<>();
      signature.add(candidate.name());
      signature.addAll(candidate.parameterTypes());
      if (signatures.add(signature)) {
        methods.add(candidate.method());
      }
    }
    return methods;
  }
}
