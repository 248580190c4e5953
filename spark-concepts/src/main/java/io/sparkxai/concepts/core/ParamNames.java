package io.sparkxai.concepts.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The names under which the core's choices (activations, intervention policies) appear as param values. */
final class ParamNames {

  private ParamNames() {}

  /** The param value of {@code e}: its name in lower case ({@code leaky_relu}). */
  static String of(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** The constant of {@code type} whose param value is {@code name}; the error names {@code what} and lists the values. */
  static <E extends Enum<E>> E lookup(Class<E> type, String name, String what) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      if (of(e).equals(name)) {
        return e;
      }
      names.add(of(e));
    }
    throw new IllegalArgumentException(what + " must be one of " + String.join(", ", names) + ", got " + name);
  }
}
