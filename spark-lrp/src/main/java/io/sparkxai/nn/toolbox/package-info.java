/** The reader of lrp_toolbox's plain-text model format. */
package io.sparkxai.nn.toolbox;
