package io.sparkxai.lrp;

import io.sparkxai.params.ParamDecl;
import io.sparkxai.params.Rule;
import org.apache.spark.ml.param.IntParam;

/**
 * The params of {@link LrpReport}: every param of {@link LrpExplainer} (by extending
 * {@link LrpExplainerParams}, so both stages read the same names, defaults and rules), and how many
 * images the report shows.
 *
 * @param <S> the stage, returned by the setters
 */
public interface LrpReportParams<S extends LrpReportParams<S>> extends LrpExplainerParams<S> {

  ParamDecl<Integer> IMAGES = ParamDecl.ofInt("images", "how many explained rows the report shows: the first ones"
      + " of the input (rows that cannot be explained are passed over)", 16, Rule.between(1, 1000));

  /** How many explained rows the report shows. */
  default IntParam images() { return intParam(IMAGES); }
  /** @return how many explained rows the report shows */
  default int getImages() { return valueOf(IMAGES); }
  /** @param v how many explained rows the report shows, 1 to 1000 */
  default S setImages(int v) { return setValue(IMAGES, v); }
}
