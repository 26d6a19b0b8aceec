// Debian builds libxml2 with ICU; its ICU types clash with Foundation's, so turn that part off
// before any other libxml2 header is read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/tree.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 rejects as unsafe shared state.
static inline void cxml2_free(void *pointer) { xmlFree(pointer); }
