pages 7
signature 2 311.8 626.7 538.6 733.5
letterhead seed
