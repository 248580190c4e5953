package io.sparkxai.ebm;

import io.sparkxai.ebm.core.EbmModel;
import java.util.Map;

/**
 * What {@link FinishPhase} hands back: the fitted model, what happened, and its provenance.
 *
 * @param model the model
 * @param summary rows, steps, losses and seconds per phase
 * @param provenance library, versions, kernel, seed, rows, fit id and time
 */
record FittedEbm(EbmModel model, EbmTrainingSummary summary, Map<String, String> provenance) {}
