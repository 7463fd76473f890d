pages 16
signature 12 311.8 228.9 538.6 339.3
letterhead seed
