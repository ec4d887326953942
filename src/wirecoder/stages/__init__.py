"""One module per pipeline stage, in the order of :data:`wirecoder.pipeline.STAGES`."""
