//! The comment form's text (its own table: one concern, and `strings.rs`
//! stays short), WordPress's refusals as messages a reader can act on, and
//! "Reply to …" with its argument.

use super::Locale;
use crate::model::{PostError, Posted};

#[derive(Debug)]
pub struct FormStrings {
    pub title: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    /// Why the e-mail is asked, under its field.
    pub email_hint: &'static str,
    pub text: &'static str,
    pub send: &'static str,
    pub sending: &'static str,
    pub reply: &'static str,
    pub cancel_reply: &'static str,
    /// The honeypot's label (read by bots only: the field is hidden).
    pub honeypot: &'static str,
    pub held: &'static str,
    pub approved: &'static str,
    /// After a network failure: the text is still there.
    pub kept: &'static str,
    pub duplicate: &'static str,
    pub flood: &'static str,
    pub closed: &'static str,
    pub login_required: &'static str,
    pub author_required: &'static str,
    pub content_required: &'static str,
    pub invalid_email: &'static str,
    pub refused: &'static str,
    /// In place of the form in a browser that runs no script.
    pub needs_script: &'static str,
}

const FR: FormStrings = FormStrings {
    title: "Laisser un commentaire",
    name: "Nom",
    email: "Adresse e-mail",
    email_hint: "Elle ne sera pas publiée.",
    text: "Commentaire",
    send: "Publier le commentaire",
    sending: "Envoi en cours…",
    reply: "Répondre",
    cancel_reply: "Annuler la réponse",
    honeypot: "Laissez ce champ vide",
    held: "Merci ! Votre commentaire est en attente de modération.",
    approved: "Merci ! Votre commentaire est publié.",
    kept: "Votre texte est conservé : réessayez quand la connexion revient.",
    duplicate: "Vous avez déjà publié ce commentaire.",
    flood: "Vous commentez trop vite. Patientez quelques secondes avant de réessayer.",
    closed: "Les commentaires sont fermés.",
    login_required: "Ce site demande un compte pour commenter.",
    author_required: "Indiquez votre nom et votre adresse e-mail.",
    content_required: "Écrivez votre commentaire.",
    invalid_email: "Cette adresse e-mail n’est pas valide.",
    refused: "Le site a refusé ce commentaire.",
    needs_script: "Activez JavaScript pour publier un commentaire.",
};

const EN: FormStrings = FormStrings {
    title: "Leave a comment",
    name: "Name",
    email: "Email address",
    email_hint: "It will not be published.",
    text: "Comment",
    send: "Post comment",
    sending: "Sending…",
    reply: "Reply",
    cancel_reply: "Cancel reply",
    honeypot: "Leave this field empty",
    held: "Thank you! Your comment is awaiting moderation.",
    approved: "Thank you! Your comment is published.",
    kept: "Your text is kept: try again when the connection is back.",
    duplicate: "You have already posted this comment.",
    flood: "You are commenting too quickly. Wait a few seconds and try again.",
    closed: "Comments are closed.",
    login_required: "This site requires an account to comment.",
    author_required: "Please give your name and email address.",
    content_required: "Please write your comment.",
    invalid_email: "This email address is not valid.",
    refused: "The site refused this comment.",
    needs_script: "Turn on JavaScript to post a comment.",
};

const AR: FormStrings = FormStrings {
    title: "اترك تعليقًا",
    name: "الاسم",
    email: "البريد الإلكتروني",
    email_hint: "لن يُنشر.",
    text: "التعليق",
    send: "انشر التعليق",
    sending: "جارٍ الإرسال…",
    reply: "رد",
    cancel_reply: "إلغاء الرد",
    honeypot: "اترك هذا الحقل فارغًا",
    held: "شكرًا! تعليقك بانتظار المراجعة.",
    approved: "شكرًا! نُشر تعليقك.",
    kept: "نصك محفوظ: أعد المحاولة عند عودة الاتصال.",
    duplicate: "لقد نشرت هذا التعليق من قبل.",
    flood: "أنت تعلّق بسرعة كبيرة. انتظر بضع ثوانٍ ثم أعد المحاولة.",
    closed: "التعليقات مغلقة.",
    login_required: "يتطلب هذا الموقع حسابًا للتعليق.",
    author_required: "أدخل اسمك وبريدك الإلكتروني.",
    content_required: "اكتب تعليقك.",
    invalid_email: "عنوان البريد الإلكتروني هذا غير صالح.",
    refused: "رفض الموقع هذا التعليق.",
    needs_script: "فعّل JavaScript لنشر تعليق.",
};

impl Locale {
    pub fn form_strings(self) -> &'static FormStrings {
        match self {
            Locale::Fr => &FR,
            Locale::En => &EN,
            Locale::Ar => &AR,
        }
    }

    /// What the form says after sending: the refusal, or the network
    /// failure's own message (the text is kept: see `FormStrings::kept`).
    pub fn post_error(self, e: &PostError) -> &'static str {
        let s = self.form_strings();
        match e {
            PostError::Duplicate => s.duplicate,
            PostError::Flood => s.flood,
            PostError::Closed => s.closed,
            PostError::LoginRequired => s.login_required,
            PostError::AuthorRequired => s.author_required,
            PostError::ContentRequired => s.content_required,
            PostError::InvalidEmail => s.invalid_email,
            PostError::Refused(_) => s.refused,
            PostError::Network(f) => self.fetch_error(f),
        }
    }

    /// What the form says once the site took the comment.
    pub fn posted(self, p: &Posted) -> &'static str {
        match p {
            Posted::Held => self.form_strings().held,
            Posted::Approved(_) => self.form_strings().approved,
        }
    }

    /// "Répondre à « Léa »": a reply button's name, the form's title while
    /// replying.
    pub fn reply_to(self, name: &str) -> String {
        let name = self.quoted(name);
        match self {
            Locale::Fr => format!("Répondre à {name}"),
            Locale::En => format!("Reply to {name}"),
            Locale::Ar => format!("الرد على {name}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::FetchError;

    #[test]
    fn every_refusal_has_its_own_message_in_every_locale() {
        let errors = [
            PostError::Duplicate,
            PostError::Flood,
            PostError::Closed,
            PostError::LoginRequired,
            PostError::AuthorRequired,
            PostError::ContentRequired,
            PostError::InvalidEmail,
            PostError::Refused("x".into()),
            PostError::Network(FetchError::Offline),
        ];
        for l in [Locale::Fr, Locale::En, Locale::Ar] {
            let mut seen: Vec<&str> = errors.iter().map(|e| l.post_error(e)).collect();
            seen.push(l.posted(&Posted::Held));
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), errors.len() + 1, "{l:?}");
        }
        assert_eq!(Locale::Fr.reply_to("Léa"), "Répondre à «\u{202F}Léa\u{202F}»");
        assert_eq!(Locale::En.reply_to("Léa"), "Reply to “Léa”");
    }
}
