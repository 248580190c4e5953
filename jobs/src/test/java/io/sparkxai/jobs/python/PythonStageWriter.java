package io.sparkxai.jobs.python;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.sql.Dataset;
import scala.Option;

/**
 * Writes the Python wrapper modules of every public Spark ML stage of this project
 * ({@code python/sparkxai/ebm.py}, {@code lrp.py}, {@code concepts.py}) from the Java stages
 * themselves: the stages registered under {@code META-INF/services} (as Spark Connect finds them),
 * their params (name, doc, type, default) read from a live instance, and each class's Javadoc read
 * from its source file. The wrappers follow pyspark.ml's own conventions; what Python adds beyond
 * params (explanations, reports) lives in hand-written mixins named in {@link #METHODS}.
 */
final class PythonStageWriter {

  /** Hand-written Python mixins (module, class) that a generated class inherits first. */
  static final Map<String, String> METHODS = Map.of(
      "ExplainableBoostingClassificationModel", "sparkxai._ebm.EbmModelMethods",
      "ExplainableBoostingRegressionModel", "sparkxai._ebm.EbmModelMethods",
      "LrpExplainer", "sparkxai._lrp.LrpExplainerMethods",
      "ConceptBottleneckModel", "sparkxai._concepts.ConceptModelMethods",
      "ConceptEmbeddingModel", "sparkxai._concepts.ConceptModelMethods",
      "EntropyLogicExplainerModel", "sparkxai._concepts.EntropyLogicMethods",
      "EbmModelEditor", "sparkxai._ebm.EbmModelEditorMethods");

  private static final String HEADER = """
      # Generated from the Java stages by jobs/src/test/java/io/sparkxai/jobs/python/PythonStagesTest.java:
      # do not edit. After changing a Java stage or param, regenerate with
      #   mvn -B -q -pl jobs test -Dtest=PythonStagesTest -Dsparkxai.python.regenerate=true
      # (the test fails while this file differs from what the Java stages give).
      """;

  private final Path repository;

  PythonStageWriter(Path repository) {
    this.repository = repository;
  }

  /** Every stage of ours that Spark's ServiceLoader finds, grouped by Java package, sorted by name. */
  static Map<String, List<Class<?>>> stagesByPackage() {
    Map<String, List<Class<?>>> out = new TreeMap<>();
    for (Class<?> service : List.of(Estimator.class, Transformer.class)) {
      for (ServiceLoader.Provider<?> p : ServiceLoader.load(service).stream().toList()) {
        Class<?> c = p.type();
        if (c.getName().startsWith("io.sparkxai.") && !c.getSimpleName().startsWith("Trained")) {
          out.computeIfAbsent(c.getPackageName(), k -> new ArrayList<>()).add(c);
        }
      }
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(Class::getSimpleName)));
    return out;
  }

  /** The Python module file for a Java package ({@code io.sparkxai.ebm} -> {@code python/sparkxai/ebm.py}). */
  Path moduleFile(String javaPackage) {
    return repository.resolve("python/sparkxai/" + javaPackage.substring("io.sparkxai.".length()) + ".py");
  }

  /** The text of the Python module wrapping {@code stages} (all of one Java package). */
  String module(String javaPackage, List<Class<?>> stages) throws Exception {
    StringBuilder py = new StringBuilder(HEADER);
    py.append("\"\"\"Python wrappers of the Spark ML stages of ").append(javaPackage).append(".\"\"\"\n\n");
    py.append("from typing import Any, List, Optional\n\n");
    py.append("from pyspark import keyword_only\n");
    py.append("from pyspark.ml.param import Param, Params, TypeConverters\n\n");
    py.append("from sparkxai._base import SparkXaiEstimator, SparkXaiModel, SparkXaiTransformer\n");
    Map<String, java.util.SortedSet<String>> mixins = new TreeMap<>();
    for (Class<?> c : stages) {
      String m = METHODS.get(c.getSimpleName());
      if (m != null) {
        int dot = m.lastIndexOf('.');
        mixins.computeIfAbsent(m.substring(0, dot), k -> new java.util.TreeSet<>()).add(m.substring(dot + 1));
      }
    }
    mixins.forEach((module, names) -> py.append("from ").append(module).append(" import ")
        .append(String.join(", ", names)).append('\n'));
    py.append("\n__all__ = [")
        .append(String.join(", ", stages.stream().map(c -> "\"" + c.getSimpleName() + "\"").toList()))
        .append("]\n");
    for (Class<?> c : stages) {
      py.append("\n\n").append(stage(c));
    }
    return py.toString();
  }

  private String stage(Class<?> c) throws Exception {
    PipelineStage stage = (PipelineStage) c.getConstructor().newInstance();
    List<Param<?>> params = new ArrayList<>(Arrays.asList(stage.params()));
    params.sort(Comparator.comparing(Param::name));
    String name = c.getSimpleName();
    boolean model = Model.class.isAssignableFrom(c);
    boolean estimator = Estimator.class.isAssignableFrom(c);
    String base = model ? "SparkXaiModel" : estimator ? "SparkXaiEstimator" : "SparkXaiTransformer";
    String mixin = METHODS.get(name);
    StringBuilder py = new StringBuilder();
    py.append("class ").append(name).append('(')
        .append(mixin == null ? "" : mixin.substring(mixin.lastIndexOf('.') + 1) + ", ").append(base).append("):\n");
    py.append(docstring(javadoc(c), "    ")).append('\n');
    py.append("    _java_class = \"").append(c.getName()).append("\"\n\n");
    for (Param<?> p : params) {
      py.append("    ").append(p.name()).append(": \"Param[").append(type(p)).append("]\" = Param(\n")
          .append("        Params._dummy(),\n        ").append(string(p.name())).append(",\n        ")
          .append(string(p.doc())).append(",\n        typeConverter=TypeConverters.").append(converter(p))
          .append(",\n    )\n");
    }
    Map<String, String> defaults = defaults(stage, params);
    if (model) {
      py.append("\n    def __init__(self, java_model: Optional[Any] = None) -> None:\n")
          .append("        super().__init__(java_model)\n");
      appendDefaults(py, defaults);
    } else {
      py.append("\n    @keyword_only\n    def __init__(self, *").append(keywords(params, defaults))
          .append(") -> None:\n        super().__init__()\n")
          .append("        self._java_obj = self._new_java_obj(self._java_class, self.uid)\n");
      appendDefaults(py, defaults);
      py.append("        self.setParams(**self._input_kwargs)\n");
      py.append("\n    @keyword_only\n    def setParams(self, *").append(keywords(params, defaults))
          .append(") -> \"").append(name).append("\":\n")
          .append("        \"\"\"Sets the params given as keywords.\"\"\"\n")
          .append("        return self._set(**self._input_kwargs)\n");
    }
    for (Param<?> p : params) {
      String cap = Character.toUpperCase(p.name().charAt(0)) + p.name().substring(1);
      py.append("\n    def get").append(cap).append("(self) -> ").append(type(p)).append(":\n")
          .append(docstring("The value of " + p.name() + " or its default: " + p.doc(), "        "))
          .append("        return self.getOrDefault(self.").append(p.name()).append(")\n");
      py.append("\n    def set").append(cap).append("(self, value: ").append(type(p)).append(") -> \"")
          .append(name).append("\":\n")
          .append(docstring("Sets " + p.name() + ": " + p.doc(), "        "))
          .append("        return self._set(").append(p.name()).append("=value)\n");
    }
    if (estimator && !(mixin != null && isGeneric(c))) { // a generic estimator's mixin picks the model class
      Class<?> modelClass = fittedModel(c);
      py.append("\n    def _create_model(self, java_model: Any) -> \"").append(modelClass.getSimpleName())
          .append("\":\n        return ").append(modelClass.getSimpleName()).append("(java_model)\n");
    }
    return py.toString();
  }

  private static void appendDefaults(StringBuilder py, Map<String, String> defaults) {
    if (defaults.isEmpty()) {
      return;
    }
    py.append("        self._setDefault(\n");
    defaults.forEach((k, v) -> py.append("            ").append(k).append('=').append(v).append(",\n"));
    py.append("        )\n");
  }

  private static String keywords(List<Param<?>> params, Map<String, String> defaults) {
    StringBuilder out = new StringBuilder();
    for (Param<?> p : params) {
      String d = defaults.get(p.name());
      out.append(",\n        ").append(p.name()).append(": ")
          .append(d == null ? "Optional[" + type(p) + "] = None" : type(p) + " = " + d);
    }
    return out.append(",\n    ").toString();
  }

  private static Map<String, String> defaults(PipelineStage stage, List<Param<?>> params) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Param<?> p : params) {
      Option<?> d = stage.getDefault(p);
      if (d.isDefined()) {
        out.put(p.name(), literal(d.get()));
      }
    }
    return out;
  }

  /**
   * The concrete model class an estimator fits: the most specific non-abstract {@code Model} among its
   * {@code fit(Dataset)} return types and the type arguments of its generic superclasses (an estimator
   * that inherits {@code fit} from a generic base names its model only there).
   */
  static Class<?> fittedModel(Class<?> estimator) throws NoSuchMethodException {
    List<Class<?>> candidates = new ArrayList<>();
    for (Method m : estimator.getMethods()) {
      if (m.getName().equals("fit") && m.getParameterCount() == 1 && m.getParameterTypes()[0] == Dataset.class) {
        candidates.add(m.getReturnType());
      }
    }
    for (Class<?> c = estimator; c != null; c = c.getSuperclass()) {
      if (c.getGenericSuperclass() instanceof java.lang.reflect.ParameterizedType p) {
        for (java.lang.reflect.Type arg : p.getActualTypeArguments()) {
          if (arg instanceof Class<?> k) {
            candidates.add(k);
          }
        }
      }
    }
    Class<?> best = null;
    for (Class<?> k : candidates) {
      boolean concrete = !java.lang.reflect.Modifier.isAbstract(k.getModifiers());
      if (Model.class.isAssignableFrom(k) && concrete && (best == null || best.isAssignableFrom(k))) {
        best = k;
      }
    }
    if (best == null) {
      throw new NoSuchMethodException(estimator.getName() + ": no concrete model class among " + candidates);
    }
    return best;
  }

  /** Whether an estimator's model class is a type parameter (it fits whatever class its input gives). */
  private static boolean isGeneric(Class<?> estimator) {
    return estimator.getTypeParameters().length > 0;
  }

  static String type(Param<?> p) {
    if (p instanceof IntParam || p instanceof LongParam) {
      return "int";
    } else if (p instanceof DoubleParam) {
      return "float";
    } else if (p instanceof BooleanParam) {
      return "bool";
    } else if (p instanceof StringArrayParam) {
      return "List[str]";
    } else if (p instanceof IntArrayParam) {
      return "List[int]";
    } else if (p instanceof DoubleArrayParam) {
      return "List[float]";
    } else if (p.getClass() == Param.class) {
      return "str";
    }
    throw new IllegalArgumentException("param " + p + " of type " + p.getClass().getName() + " has no Python twin");
  }

  static String converter(Param<?> p) {
    return switch (type(p)) {
      case "int" -> "toInt";
      case "float" -> "toFloat";
      case "bool" -> "toBoolean";
      case "List[str]" -> "toListString";
      case "List[int]" -> "toListInt";
      case "List[float]" -> "toListFloat";
      default -> "toString";
    };
  }

  /** A Python literal for a param value. */
  static String literal(Object v) {
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    } else if (v instanceof Integer || v instanceof Long) {
      return v.toString();
    } else if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return "float(\"" + (d.isNaN() ? "nan" : d > 0 ? "inf" : "-inf") + "\")";
      }
      return Double.toString(d).replace("E", "e");
    } else if (v instanceof String s) {
      return string(s);
    } else if (v instanceof String[] a) {
      return "[" + String.join(", ", Arrays.stream(a).map(PythonStageWriter::string).toList()) + "]";
    } else if (v instanceof int[] a) {
      return Arrays.toString(a);
    } else if (v instanceof double[] a) {
      return "[" + String.join(", ", Arrays.stream(a).mapToObj(PythonStageWriter::literal).toList()) + "]";
    }
    throw new IllegalArgumentException("no Python literal for " + v + " (" + v.getClass().getName() + ")");
  }

  static String string(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(ch);
      }
    }
    return out.append('"').toString();
  }

  private static String docstring(String text, String indent) {
    String body = text.strip().replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
    StringBuilder out = new StringBuilder(indent).append("\"\"\"");
    List<String> lines = wrap(body, 96 - indent.length());
    for (int i = 0; i < lines.size(); i++) {
      out.append(i == 0 ? "" : lines.get(i).isEmpty() ? "" : indent).append(lines.get(i)).append('\n');
    }
    if (lines.size() == 1) {
      out.setLength(out.length() - 1);
      return out.append("\"\"\"\n").toString();
    }
    return out.append(indent).append("\"\"\"\n").toString();
  }

  private static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    for (String paragraph : text.split("\n\n")) {
      if (!out.isEmpty()) {
        out.add("");
      }
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split("\\s+")) {
        if (line.length() > 0 && line.length() + 1 + word.length() > width) {
          out.add(line.toString());
          line.setLength(0);
        }
        line.append(line.length() == 0 ? "" : " ").append(word);
      }
      out.add(line.toString());
    }
    return out;
  }

  private static final Pattern CLASS_DOC = Pattern.compile("/\\*\\*(.*?)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public\\s"
      + "(?:final\\s+|abstract\\s+)*class\\s+(\\w+)", Pattern.DOTALL);

  /** The class's Javadoc as plain text: tags, code blocks and HTML gone, {@code x} as ``x``. */
  String javadoc(Class<?> c) throws IOException {
    Path source = sourceOf(c);
    String text = Files.readString(source, StandardCharsets.UTF_8);
    Matcher m = CLASS_DOC.matcher(text);
    while (m.find()) {
      if (m.group(2).equals(c.getSimpleName())) {
        return plain(m.group(1));
      }
    }
    throw new IllegalStateException(source + " has no Javadoc on class " + c.getSimpleName());
  }

  private Path sourceOf(Class<?> c) throws IOException {
    String relative = "src/main/java/" + c.getName().replace('.', '/') + ".java";
    try (var dirs = Files.list(repository)) {
      for (Path dir : dirs.sorted().toList()) {
        if (Files.isRegularFile(dir.resolve(relative))) {
          return dir.resolve(relative);
        }
      }
    }
    throw new IllegalStateException("no source file " + relative + " in any module of " + repository);
  }

  static String plain(String javadoc) {
    StringBuilder lines = new StringBuilder();
    for (String line : javadoc.split("\n")) {
      String l = line.strip();
      l = l.startsWith("*") ? l.substring(1).strip() : l;
      if (l.startsWith("@")) {
        break;
      }
      lines.append(l).append('\n');
    }
    String s = lines.toString().replaceAll("(?s)<pre>.*?</pre>", "");
    s = s.replaceAll("\\{@(?:code|literal) ([^{}]*(?:\\{[^{}]*\\}[^{}]*)*)\\}", "``$1``");
    s = s.replaceAll("\\{@link(?:plain)? (?:[\\w.]*#)?([\\w.]+)(?:\\([^)]*\\))?[^}]*\\}", "``$1``");
    s = s.replaceAll("(?i)<p>", "\n\n").replaceAll("(?i)</?(?:ul|ol)>", "\n\n").replaceAll("(?i)<li>", "\n\n- ")
        .replaceAll("<[^>]+>", "");
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    List<String> paragraphs = new ArrayList<>();
    for (String para : s.split("\n\\s*\n")) {
      String p = para.replaceAll("\\s+", " ").strip();
      if (!p.isEmpty()) {
        paragraphs.add(p);
      }
    }
    return String.join("\n\n", paragraphs);
  }
}
