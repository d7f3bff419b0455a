/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-agreement-text-page.c: the "Agreement Text" page (a template,
 * resources/ui/icw-agreement-text-page.ui): the text is rendered again when the agreement is
 * shown or the language is changed; a text that cannot be rendered shows why instead. */
#include "config.h"

#include "icw-agreement-text.h"
#include "icw-agreement-text-page.h"

struct _IcwAgreementTextPage
{
  GtkBox parent_instance;

  IcwStore *store;
  IcwIpAgreement *agreement;
  GtkDropDown *language;
  GtkTextView *view;
};

G_DEFINE_FINAL_TYPE (IcwAgreementTextPage, icw_agreement_text_page, GTK_TYPE_BOX)

/* The drop-down's choices: the interface language, Chinese, English. */
static const char *
chosen_language (IcwAgreementTextPage *self)
{
  switch (gtk_drop_down_get_selected (self->language))
    {
    case 1:
      return "zh_CN";
    case 2:
      return "en";
    default:
      return NULL;
    }
}

static void
refresh (IcwAgreementTextPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IcwAgreementText) text = NULL;
  g_autofree char *plain = NULL;

  if (self->agreement == NULL || self->store == NULL)
    return;
  text = icw_agreement_text_render (self->store, self->agreement, chosen_language (self), &error);
  plain = text != NULL ? icw_agreement_text_to_plain (text) : g_strdup (error->message);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), plain, -1);
}

void
icw_agreement_text_page_show (IcwAgreementTextPage *self,
                              IcwIpAgreement       *agreement)
{
  g_return_if_fail (ICW_IS_AGREEMENT_TEXT_PAGE (self));

  if (agreement != NULL)
    g_set_object (&self->agreement, agreement);
  refresh (self);
}

char *
icw_agreement_text_page_get_text (IcwAgreementTextPage *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (ICW_IS_AGREEMENT_TEXT_PAGE (self), NULL);

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
icw_agreement_text_page_dispose (GObject *object)
{
  IcwAgreementTextPage *self = ICW_AGREEMENT_TEXT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICW_TYPE_AGREEMENT_TEXT_PAGE);
  g_clear_object (&self->agreement);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icw_agreement_text_page_parent_class)->dispose (object);
}

static void
icw_agreement_text_page_class_init (IcwAgreementTextPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_agreement_text_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/icw-agreement-text-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IcwAgreementTextPage, language);
  gtk_widget_class_bind_template_child (widget_class, IcwAgreementTextPage, view);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
}

static void
icw_agreement_text_page_init (IcwAgreementTextPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icw_agreement_text_page_new (IcwStore *store)
{
  IcwAgreementTextPage *self = g_object_new (ICW_TYPE_AGREEMENT_TEXT_PAGE, NULL);

  g_return_val_if_fail (ICW_IS_STORE (store), NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
