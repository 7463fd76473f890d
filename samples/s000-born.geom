pages 7
signature 7 311.8 56.7 538.6 167.1
letterhead made-up
