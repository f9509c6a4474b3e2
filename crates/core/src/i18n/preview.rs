//! The preview page's text (docs/previews.md): its banner, the sign-in
//! form and why a preview is not shown, in the editor's language.

use super::Locale;
use crate::source::preview::PreviewError;

#[derive(Debug)]
pub struct PreviewStrings {
    /// The banner over a previewed post, and the page's title.
    pub banner: &'static str,
    /// Under the banner: what the reader sees is not published.
    pub banner_note: &'static str,
    pub sign_in_title: &'static str,
    /// Why the form is there and where the password comes from.
    pub sign_in_hint: &'static str,
    pub user: &'static str,
    pub password: &'static str,
    pub sign_in: &'static str,
    pub signing_in: &'static str,
    pub sign_out: &'static str,
    pub retry: &'static str,
    pub needs_wordpress: &'static str,
    pub insecure: &'static str,
    pub wrong_credentials: &'static str,
    /// A login that worked before is refused now (revoked, expired).
    pub expired: &'static str,
    pub forbidden: &'static str,
    pub not_found: &'static str,
}

const FR: PreviewStrings = PreviewStrings {
    banner: "Aperçu",
    banner_note: "Cette version n’est pas publiée : seuls les rédacteurs connectés la voient.",
    sign_in_title: "Connexion pour l’aperçu",
    sign_in_hint: "Saisissez votre identifiant WordPress et un mot de passe d’application (Profil › Mots de passe d’application). Ils restent dans cet onglet et sont effacés à sa fermeture.",
    user: "Identifiant",
    password: "Mot de passe d’application",
    sign_in: "Afficher l’aperçu",
    signing_in: "Chargement…",
    sign_out: "Se déconnecter",
    retry: "Réessayer",
    needs_wordpress: "L’aperçu des brouillons demande la source WordPress.",
    insecure: "L’API WordPress n’est pas servie en HTTPS : le mot de passe n’est pas envoyé.",
    wrong_credentials: "Identifiant ou mot de passe d’application incorrect.",
    expired: "Votre session a expiré ou le mot de passe d’application a été révoqué : reconnectez-vous.",
    forbidden: "Ce compte n’a pas le droit de modifier cet article.",
    not_found: "Aucun article ne porte ce numéro.",
};

const EN: PreviewStrings = PreviewStrings {
    banner: "Preview",
    banner_note: "This version is not published: only signed-in editors see it.",
    sign_in_title: "Sign in to preview",
    sign_in_hint: "Enter your WordPress user name and an application password (Profile › Application Passwords). They stay in this tab and are cleared when it closes.",
    user: "User name",
    password: "Application password",
    sign_in: "Show the preview",
    signing_in: "Loading…",
    sign_out: "Sign out",
    retry: "Try again",
    needs_wordpress: "Previewing drafts needs the WordPress source.",
    insecure: "The WordPress API is not served over HTTPS: the password is not sent.",
    wrong_credentials: "Wrong user name or application password.",
    expired: "Your session expired or the application password was revoked: please sign in again.",
    forbidden: "This account is not allowed to edit this post.",
    not_found: "There is no post with this number.",
};

const AR: PreviewStrings = PreviewStrings {
    banner: "معاينة",
    banner_note: "هذه النسخة غير منشورة: لا يراها إلا المحررون المسجّلون.",
    sign_in_title: "تسجيل الدخول للمعاينة",
    sign_in_hint: "أدخل اسم المستخدم في ووردبريس وكلمة مرور تطبيق (الملف الشخصي › كلمات مرور التطبيقات). تبقى في هذه النافذة وتُمحى عند إغلاقها.",
    user: "اسم المستخدم",
    password: "كلمة مرور التطبيق",
    sign_in: "اعرض المعاينة",
    signing_in: "جارٍ التحميل…",
    sign_out: "تسجيل الخروج",
    retry: "أعد المحاولة",
    needs_wordpress: "معاينة المسودات تتطلب مصدر ووردبريس.",
    insecure: "واجهة ووردبريس لا تُقدَّم عبر HTTPS: لم تُرسل كلمة المرور.",
    wrong_credentials: "اسم المستخدم أو كلمة مرور التطبيق غير صحيحة.",
    expired: "انتهت جلستك أو أُلغيت كلمة مرور التطبيق: سجّل الدخول من جديد.",
    forbidden: "لا يحق لهذا الحساب تعديل هذه المقالة.",
    not_found: "لا توجد مقالة بهذا الرقم.",
};

impl Locale {
    pub fn preview_strings(self) -> &'static PreviewStrings {
        match self {
            Locale::Fr => &FR,
            Locale::En => &EN,
            Locale::Ar => &AR,
        }
    }

    /// Why the preview is not shown; `signed_in_before`: these credentials
    /// worked earlier in the session, so a refusal now means they expired.
    pub fn preview_error(self, e: &PreviewError, signed_in_before: bool) -> &'static str {
        let s = self.preview_strings();
        match e {
            PreviewError::NeedsWordPress => s.needs_wordpress,
            PreviewError::Insecure => s.insecure,
            PreviewError::WrongCredentials if signed_in_before => s.expired,
            PreviewError::WrongCredentials => s.wrong_credentials,
            PreviewError::Forbidden => s.forbidden,
            PreviewError::NotFound => s.not_found,
            PreviewError::Fetch(f) => self.fetch_error(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::FetchError;

    #[test]
    fn a_refusal_after_a_success_says_the_session_expired() {
        let wrong = PreviewError::WrongCredentials;
        assert_eq!(Locale::En.preview_error(&wrong, false), EN.wrong_credentials);
        assert_eq!(Locale::En.preview_error(&wrong, true), EN.expired);
        assert_eq!(Locale::Fr.preview_error(&PreviewError::NotFound, true), FR.not_found);
        let offline = PreviewError::Fetch(FetchError::Offline);
        assert_eq!(
            Locale::Ar.preview_error(&offline, false),
            Locale::Ar.fetch_error(&FetchError::Offline)
        );
    }
}
