"""The reader's training-data generator: invented companies (world), their pages (render, writer,
extras), questions and training lines (lines, generate, spans). Its lexicon and phrase tables are
data (data/, each edition a frozen snapshot: snapshots, lexicon); its value kinds are code (values)."""
