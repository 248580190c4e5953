package io.sparkxai.ebm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.AttributeType;
import org.apache.spark.ml.attribute.BinaryAttribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.sql.types.StructField;
import scala.Option;

/**
 * What Spark ML's attributes in a vector column's metadata say about its slots, as
 * {@code VectorAssembler}, {@code StringIndexer} and {@code OneHotEncoder} write them: each slot's name,
 * whether it is categorical (a nominal attribute, as a {@code StringIndexer} output assembled into the
 * vector; or a binary one, as each slot of a {@code OneHotEncoder} output), and the names of its
 * categories by index ({@code StringIndexer}'s labels). A slot without attributes is numeric and named
 * {@code f0, f1, ...}. One-hot slots stay one binary feature each (named e.g.
 * {@code workclassVec_Private}); an EBM bins a category column itself, so a {@code StringIndexer}
 * output assembled as it is gives one term per column, with its category names.
 *
 * <p>A model keeps the category names it was fitted with in its provenance ({@value #PROVENANCE_KEY},
 * a JSON object from feature name to names by index); a transform uses the names in the scored
 * vector's metadata when it has them, else those.
 */
final class VectorAttributes {

  /** The provenance key of the category names by index of a model's vector slots. */
  static final String PROVENANCE_KEY = "vectorLevels";

  private static final ObjectMapper JSON = new ObjectMapper();

  private VectorAttributes() {}

  private static Attribute[] attributes(StructField f) {
    AttributeGroup g = AttributeGroup.fromStructField(f);
    return g.attributes().isDefined() ? g.attributes().get() : null;
  }

  /** The slots' names: the attribute names, else {@code f<i>}. */
  static List<String> names(StructField f, int size) {
    Attribute[] attrs = attributes(f);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String n = null;
      if (attrs != null && i < attrs.length && attrs[i].name().isDefined()) {
        n = attrs[i].name().get();
      }
      out.add(n == null || n.isEmpty() ? "f" + i : n);
    }
    return out;
  }

  /** Whether each slot's attribute is nominal or binary. */
  static boolean[] categorical(StructField f, int size) {
    Attribute[] attrs = attributes(f);
    boolean[] out = new boolean[size];
    for (int i = 0; attrs != null && i < size && i < attrs.length; i++) {
      AttributeType t = attrs[i].attrType();
      out[i] = t == AttributeType.Nominal() || t == AttributeType.Binary();
    }
    return out;
  }

  /** Per slot, the category names by index its attribute gives, or null. */
  static String[][] levels(StructField f, int size) {
    Attribute[] attrs = attributes(f);
    String[][] out = new String[size][];
    for (int i = 0; attrs != null && i < size && i < attrs.length; i++) {
      Option<String[]> values = Option.empty();
      if (attrs[i] instanceof NominalAttribute n) {
        values = n.values();
      } else if (attrs[i] instanceof BinaryAttribute b) {
        values = b.values();
      }
      out[i] = values.isDefined() ? values.get().clone() : null;
    }
    return out;
  }

  /** The category names of the slots that have them, by feature name, for a model's provenance. */
  static String toProvenance(List<String> names, String[][] levels) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (levels[i] != null) {
        m.put(names.get(i), List.of(levels[i]));
      }
    }
    try {
      return m.isEmpty() ? null : JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the category names as JSON", e);
    }
  }

  /** The category names a model keeps in its provenance (empty when none). */
  static Map<String, List<String>> fromProvenance(Map<String, String> provenance) {
    String json = provenance.get(PROVENANCE_KEY);
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, List<String>>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("provenance key " + PROVENANCE_KEY + " holds damaged JSON: "
          + e.getOriginalMessage(), e);
    }
  }
}
