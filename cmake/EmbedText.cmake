# Script mode: writes OUT, a C++ file defining `const char* SYMBOL()` that returns the text of IN.
file(READ ${IN} text)
string(FIND "${text}" ")codeflix_text\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter")
endif()
file(WRITE ${OUT}.tmp "const char* ${SYMBOL}() {\n    return R\"codeflix_text(${text})codeflix_text\";\n}\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
