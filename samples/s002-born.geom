pages 7
signature 7 311.8 401.9 538.6 574.7
letterhead made-up
