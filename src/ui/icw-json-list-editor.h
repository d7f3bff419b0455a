/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-json-list-editor.h: an editor for a structured part of an application that is stored as a
 * JSON array of flat objects (the roadmap, the capability platforms, the indicators). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum {
  ICW_JSON_COLUMN_TEXT,
  ICW_JSON_COLUMN_INT,
  ICW_JSON_COLUMN_CHOICE,
} IcwJsonColumnType;

typedef struct {
  const char         *key;            /* the member of each object */
  const char         *title;          /* marked for translation (N_ in the caller) */
  IcwJsonColumnType   type;
  int                 min, max;       /* for INT */
  const char * const *choice_keys;    /* for CHOICE: NULL-terminated keys … */
  const char * const *choice_labels;  /* … and their labels, marked for translation */
} IcwJsonColumn;

#define ICW_TYPE_JSON_LIST_EDITOR (icw_json_list_editor_get_type ())

G_DECLARE_FINAL_TYPE (IcwJsonListEditor, icw_json_list_editor, ICW, JSON_LIST_EDITOR, AdwPreferencesGroup)

GtkWidget *icw_json_list_editor_new      (const char          *title,
                                          const char          *description,
                                          const char          *add_label,
                                          const IcwJsonColumn *columns,
                                          guint                n_columns);
void       icw_json_list_editor_set_json (IcwJsonListEditor   *self,
                                          const char          *json);
gboolean   icw_json_list_editor_focus    (IcwJsonListEditor   *self,
                                          guint                index,
                                          const char          *key);

G_END_DECLS
