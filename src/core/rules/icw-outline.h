/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-outline.h: a call's outline, as versioned data per province and stage
 * (resources/outlines, one JSON file each; docs/formats.md): the documents the call asks for, the sections in
 * its order, the required attachments and the paper copies, each with its source. Where a
 * province's section list is not known the outline says so ("sections_basis": "source-not-found")
 * and lists the program's own headings as program practice; an outline without a source is
 * refused. The check reports a missing required section or attachment with the outline's basis. */
#pragma once

#include "icw-application.h"
#include "icw-center.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_OUTLINE (icw_outline_get_type ())

G_DECLARE_FINAL_TYPE (IcwOutline, icw_outline, ICW, OUTLINE, GObject)

/* Read in the interface's language (icw_rules_language ()). */
typedef struct {
  const char *section;    /* the application section's key (icw-application-sections.h) */
  const char *title;      /* as the outline names it */
  gboolean    required;   /* the call requires it: the check reports it when empty */
  const char *basis;      /* "policy" (the call's words) or "program-practice" */
  const char *quote;      /* policy: the call's words */
  const char *url;        /* policy: where they were read, or NULL */
} IcwOutlineSection;

typedef struct {
  const char         *key;      /* the item's stable key, which an attachment names as the item it
                                 * fulfils (icw_attachment_get_outline_item); NULL for none */
  const char         *name;     /* as the call names it */
  gboolean            required; /* the call requires it for submission: missing, an error */
  /* An attachment that names no item is matched the old way, by its kind ... */
  gboolean            has_kind;
  IcwAttachmentKind   kind;
  const char * const *names;    /* ... or by one of these words in the file's name */
  gboolean            only_with_company;  /* asked only once the center's company is registered */
  const char         *basis;
  const char         *quote;
  const char         *url;
} IcwOutlineAttachment;

IcwOutline   *icw_outline_new_from_data        (const char  *data,
                                                gssize       length,
                                                const char  *origin,
                                                GError     **error);
/* The bundled outlines, then those in $XDG_DATA_HOME/ic-workbench/outlines; an outline that
 * cannot be read is left out, and its error added to errors when it is given. */
GPtrArray    *icw_outlines_load_all            (GPtrArray  **errors);
/* The outline for a center in a province at a stage, or NULL when none is known. */
IcwOutline   *icw_outlines_find                (GPtrArray           *outlines,
                                                const char          *province,
                                                IcwApplicationKind   kind);

const char   *icw_outline_get_id               (IcwOutline *self);
int           icw_outline_get_version          (IcwOutline *self);
const char   *icw_outline_get_province         (IcwOutline *self);
IcwApplicationKind icw_outline_get_stage       (IcwOutline *self);
const char   *icw_outline_get_title            (IcwOutline *self);
/* The documents the call asks for, one a line. */
char         *icw_outline_dup_documents        (IcwOutline *self);
/* The source: the document, the words and the addresses, one line. */
char         *icw_outline_dup_source           (IcwOutline *self);
const char   *icw_outline_get_source_note      (IcwOutline *self);
gboolean      icw_outline_sections_known       (IcwOutline *self);
const char   *icw_outline_get_sections_note    (IcwOutline *self);
guint         icw_outline_get_n_sections       (IcwOutline *self);
const IcwOutlineSection *icw_outline_get_section (IcwOutline *self,
                                                guint       index);
guint         icw_outline_get_n_attachments    (IcwOutline *self);
const IcwOutlineAttachment *icw_outline_get_attachment (IcwOutline *self,
                                                guint       index);
const char   *icw_outline_get_attachments_note (IcwOutline *self);
/* The paper copies: how many (0 when not known), whether an electronic copy goes with them,
 * and the text with its basis. */
guint         icw_outline_get_paper_copies     (IcwOutline *self,
                                                gboolean   *electronic);
char         *icw_outline_dup_paper_text       (IcwOutline *self);

/* The outline's attachment item of this key, or NULL. */
const IcwOutlineAttachment *icw_outline_find_attachment (IcwOutline *self,
                                                         const char *key);

/* The findings (IcwFinding) of an application against its outline: a required section left
 * empty (an error: the call asks for it); an attachment item the application lacks: an error
 * when the outline marks it required for submission, else a warning. An attachment fulfils the
 * item it names (its outline_item) and no other; one that names none is matched by its kind or a
 * word of its name, as before items had keys. The pack of each finding is "outline:" and the
 * outline's ID. */
GPtrArray    *icw_outline_check                (IcwOutline      *self,
                                                IcwStore        *store,
                                                IcwApplication  *application,
                                                IcwCenter       *center,
                                                GError         **error);

G_END_DECLS
