package io.sparkxai.params;

import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The Spark {@link Param} objects of one stage, one per {@link ParamDecl} found as a
 * {@code public static final} constant of the interfaces the stage implements. Created in the
 * stage's constructor (after its uid is set), it makes every param and sets every declared
 * default; afterwards it is read-only.
 */
public final class ParamRegistry implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Class<?> ownerType;
  private final Map<String, Param<?>> params;
  /** This JVM's declaration constants, found again after deserialization: {@link #param} compares by identity. */
  private final transient Map<String, ParamDecl<?>> decls;

  private ParamRegistry(Class<?> ownerType, Map<String, ParamDecl<?>> decls, Map<String, Param<?>> params) {
    this.ownerType = ownerType;
    this.decls = Collections.unmodifiableMap(decls);
    this.params = Collections.unmodifiableMap(params);
  }

  /** A stage shipped to an executor finds the declarations of the executor's JVM. */
  private Object readResolve() {
    return new ParamRegistry(ownerType, declarations(ownerType), params);
  }

  /**
   * Makes the params of {@code owner}, whose {@code uid()} must already be set, and sets their
   * defaults on it.
   */
  public static ParamRegistry of(Params owner) {
    Map<String, ParamDecl<?>> decls = declarations(owner.getClass());
    Map<String, Param<?>> params = new LinkedHashMap<>();
    for (ParamDecl<?> d : decls.values()) {
      Param<?> p = d.newParam(owner);
      params.put(d.name(), p);
      if (d.defaultValue() != null) {
        setDefault(owner, p, d.defaultValue());
      }
    }
    return new ParamRegistry(owner.getClass(), decls, params);
  }

  @SuppressWarnings("unchecked")
  private static <T> void setDefault(Params owner, Param<T> p, Object value) {
    // each stage gets its own copy of an array default: a caller mutating one must not change others
    Object own = value instanceof String[] a ? a.clone()
        : value instanceof int[] a ? a.clone()
        : value instanceof double[] a ? a.clone()
        : value;
    owner.setDefault(p, (T) own);
  }

  /** The owner's param for {@code decl}; fails when the owner's interfaces do not declare it. */
  @SuppressWarnings("unchecked")
  public <T> Param<T> param(ParamDecl<T> decl) {
    Param<?> p = params.get(decl.name());
    if (p == null || decls.get(decl.name()) != decl) {
      throw new IllegalStateException("param " + decl.name() + " is not declared by this stage's interfaces");
    }
    return (Param<T>) p;
  }

  /** The declarations by name, in the order they were found. */
  public Map<String, ParamDecl<?>> declarations() {
    return decls;
  }

  /** Every {@code public static final ParamDecl} of the interfaces {@code type} implements, by name. */
  static Map<String, ParamDecl<?>> declarations(Class<?> type) {
    Map<String, ParamDecl<?>> found = new LinkedHashMap<>();
    Set<Class<?>> seen = new HashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      Collections.addAll(todo, c.getInterfaces());
    }
    while (!todo.isEmpty()) {
      Class<?> i = todo.removeFirst();
      if (!seen.add(i)) {
        continue;
      }
      for (Field f : i.getFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m) && ParamDecl.class.isAssignableFrom(f.getType())) {
          ParamDecl<?> d = read(f);
          ParamDecl<?> before = found.putIfAbsent(d.name(), d);
          if (before != null && before != d) {
            throw new IllegalStateException("two params named " + d.name() + " in the interfaces of " + type.getName());
          }
        }
      }
      Collections.addAll(todo, i.getInterfaces());
    }
    return found;
  }

  private static ParamDecl<?> read(Field f) {
    try {
      return (ParamDecl<?>) f.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read param declaration " + f, e);
    }
  }
}
