# Archive outputs (issue 14): the output/ stage — the searchable PDF (output/pdf.c, MuPDF's writer
# adapter), hOCR and ALTO — goes into libsohoa with the other stages. The Makefile's LIB_SRC names
# the stage folders before this file is read, so output/ is added here.
OUTPUT_SRC := $(sort $(wildcard output/*.c))
OUTPUT_OBJ := $(OUTPUT_SRC:%.c=$(BUILD)/%.o)
LIB_SRC += $(OUTPUT_SRC)
LIB_OBJ += $(OUTPUT_OBJ)
$(LIB) $(SHLIB): $(OUTPUT_OBJ)
