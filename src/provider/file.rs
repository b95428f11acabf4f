//! A provider's folder as the operator writes it: `provider.toml`, the logo it names and
//! `favicon.svg`. Read and checked by the build script (which compiles this file in too) and by
//! the tests and the quote tool. A mistake is a [`FileError`]: the file, the line, the field and
//! what it expects, in a sentence an operator can act on.

use std::fmt;
use std::path::Path;

use sha2::Digest;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Provider, ProviderError};

/// The provider file in its folder.
pub const FILE: &str = "provider.toml";
/// The page's icon, beside it.
pub const FAVICON: &str = "favicon.svg";

/// What is wrong in a provider's folder, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    /// The file, as the reader should find it (`providers/acme/provider.toml`).
    pub file: String,
    /// From 1; none when the whole file is meant.
    pub line: Option<usize>,
    /// `max_discount`, `staff[SD].keys[SD-14cd3d].public`, `logo`.
    pub field: String,
    /// What it expects, as a sentence.
    pub problem: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: ", self.file)?,
            None => write!(f, "{}: ", self.file)?,
        }
        write!(f, "{}: {}", self.field, self.problem)
    }
}

impl std::error::Error for FileError {}

/// A provider's folder, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folder {
    /// With its logo's markup in place of the logo's file name.
    pub provider: Provider,
    /// `favicon.svg`'s markup.
    pub favicon: String,
}

/// Reads and checks the provider in `dir`.
///
/// # Errors
/// The first mistake, with its file, line and field.
pub fn read(dir: &Path) -> Result<Folder, FileError> {
    let path = dir.join(FILE);
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| FileError {
        file: shown.clone(),
        line: None,
        field: "file".into(),
        problem: format!(
            "cannot be read ({e}): a provider's folder holds {FILE}, its logo and {FAVICON} (copy providers/example)"
        ),
    })?;
    parse(&text, &shown, |name| {
        std::fs::read_to_string(dir.join(name)).ok()
    })
}

/// Checks a provider file's `text`, shown as `file`; `beside` reads a file of its folder.
///
/// # Errors
/// The first mistake, with its line and field.
pub fn parse(
    text: &str,
    file: &str,
    beside: impl Fn(&str) -> Option<String>,
) -> Result<Folder, FileError> {
    let error = |line: Option<usize>, field: &str, problem: String| FileError {
        file: file.to_owned(),
        line,
        field: field.to_owned(),
        problem,
    };
    if let Some(line) = key_before_its_person(text) {
        return Err(error(
            Some(line),
            "staff.keys",
            "this [[staff.keys]] comes before any [[staff]]: a key goes under its salesperson, after their [[staff]] entry (its id, name, …) and before the next [[staff]]".into(),
        ));
    }
    let mut provider: Provider = toml::from_str(text).map_err(|e| {
        let at = e.span().map(|span| span.start);
        let (field, problem) = explain(text, &e);
        error(at.map(|at| line_of(text, at)), &field, problem)
    })?;
    let at = |field: &str| locate(text, field).map(|at| line_of(text, at));
    let logo = beside(&provider.logo).ok_or_else(|| {
        error(
            at("logo"),
            "logo",
            format!(
                "names {:?}, which cannot be read: put the SVG file beside {FILE} and name it here",
                &*provider.logo
            ),
        )
    })?;
    provider.logo = std::borrow::Cow::Owned(markup(&logo));
    let favicon = beside(FAVICON).map(|svg| markup(&svg)).ok_or_else(|| {
        error(
            None,
            "favicon",
            format!("{FAVICON} cannot be read: the folder needs the page's icon, an SVG file beside {FILE}"),
        )
    })?;
    let refused = |e: ProviderError| {
        let line = if e.field == "favicon" {
            None
        } else {
            at(&e.field)
        };
        error(line, &e.field, e.problem)
    };
    super::model::svg(&favicon, "favicon").map_err(refused)?;
    provider.validate().map_err(refused)?;
    for person in provider.staff.iter() {
        for key in person.keys.iter() {
            let expected = key_id(&person.id, &key.public);
            if expected.as_deref() != Some(&*key.id) {
                let field = format!("staff[{}].keys[{}]", person.id, key.id);
                let problem = if !key.id.starts_with(&format!("{}-", person.id))
                    && key.id.contains('-')
                {
                    format!(
                        "is the key of another salesperson (its id starts {}), listed under {}: move the block under its owner's [[staff]]",
                        key.id.split('-').next().unwrap_or_default(),
                        person.id
                    )
                } else {
                    "the id does not match the public key: one of them was changed after quote keygen printed them; paste both again exactly as it printed them".into()
                };
                return Err(error(at(&field), &field, problem));
            }
        }
    }
    if let Some(root) = &provider.root
        && key_id("ROOT", &root.public).as_deref() != Some(&*root.id)
    {
        return Err(error(
            at("root"),
            "root.id",
            "the id does not match the public key: paste both again exactly as quote keygen --root printed them".into(),
        ));
    }
    Ok(Folder { provider, favicon })
}

/// A key's id as `quote keygen` makes it: the salesperson's id and the first six hex digits of
/// the SHA-256 of the public point (`signature::native::key_id`). None when `public` is not
/// base64url.
#[must_use]
pub fn key_id(staff: &str, public: &str) -> Option<String> {
    use base64ct::Encoding as _;
    let point = base64ct::Base64UrlUnpadded::decode_vec(public).ok()?;
    let digest = sha2::Sha256::digest(&point);
    let hex: String = digest.iter().take(3).map(|b| format!("{b:02x}")).collect();
    Some(format!("{staff}-{hex}"))
}

/// An SVG file's markup without what comes before `<svg` (an XML declaration, a doctype,
/// comments) and without comments: the page draws it inline.
#[must_use]
pub fn markup(file: &str) -> String {
    let mut out = String::with_capacity(file.len());
    let mut rest = file;
    while let Some(open) = rest.find("<!--") {
        out.push_str(&rest[..open]);
        rest = match rest[open..].find("-->") {
            Some(close) => &rest[open + close + 3..],
            // An unclosed comment: left as it is for the check to refuse.
            None => {
                out.push_str(&rest[open..]);
                ""
            }
        };
    }
    out.push_str(rest);
    let start = out.find("<svg").unwrap_or(0);
    // Only a prologue is dropped: an XML declaration, a doctype and space.
    let mut before = out[..start].trim_start();
    loop {
        let end = if before.starts_with("<?xml") {
            before.find("?>").map(|e| e + 2)
        } else if before.to_ascii_uppercase().starts_with("<!DOCTYPE") {
            before.find('>').map(|e| e + 1)
        } else {
            None
        };
        match end {
            Some(end) => before = before[end..].trim_start(),
            None => break,
        }
    }
    let kept = if before.is_empty() {
        &out[start..]
    } else {
        &out[..]
    };
    kept.trim().to_owned()
}

/// The line, from 1, of byte `at`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(at)
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The line of a `[[staff.keys]]` written before any `[[staff]]`: TOML reads it as a table
/// `staff` and the `[[staff]]` after it as a second, "duplicate key", which helps nobody.
fn key_before_its_person(text: &str) -> Option<usize> {
    for (number, line) in text.lines().enumerate() {
        let header: String = line
            .split('#')
            .next()
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        match header.as_str() {
            "[[staff]]" => return None,
            "[[staff.keys]]" => return Some(number + 1),
            _ => {}
        }
    }
    None
}

/// The field a deserialization error is about, and what it expects.
fn explain(text: &str, error: &toml::de::Error) -> (String, String) {
    let message = error.message();
    let span = error.span();
    let table = DeTable::parse(text).ok();
    let path = match (&table, &span) {
        (Some(table), Some(span)) => path_at(table.get_ref(), span.start),
        _ => None,
    };
    // What serde names in backticks: the missing or unknown field.
    let named = message
        .split('`')
        .nth(1)
        .map(str::to_owned)
        .unwrap_or_default();
    if message.starts_with("missing field ") {
        let field = match &path {
            Some(path) if !path.is_empty() => format!("{path}.{named}"),
            _ => named.clone(),
        };
        return (
            field,
            format!("is missing: add {named} = … (see providers/example/{FILE} for its form)"),
        );
    }
    if message.starts_with("unknown field ") {
        let expected = message
            .split_once(", expected ")
            .map(|(_, e)| format!(": the fields here are {e}"))
            .unwrap_or_default();
        return (
            path.unwrap_or(named.clone()),
            format!("is not a field of the provider file (a typo?){expected}"),
        );
    }
    let field = path.unwrap_or_else(|| key_on_line(text, span.as_ref().map_or(0, |s| s.start)));
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let written = span
            .as_ref()
            .and_then(|s| text.get(s.clone()))
            .unwrap_or_default()
            .trim();
        let leaf = field.rsplit('.').next().unwrap_or(&field);
        let hint =
            if expected.contains("string") && !written.is_empty() && !written.starts_with('"') {
                format!(": put it in quotes, {leaf} = \"{written}\"")
            } else {
                String::new()
            };
        return (field, format!("expects {expected}, not {found}{hint}"));
    }
    if message.contains("duplicate key") {
        return (
            field,
            "is written twice in the same table: keep one (a [[staff.keys]] block goes after its [[staff]] entry's own fields)".into(),
        );
    }
    if table.is_none() {
        // Not TOML at all: the parser's own words, which say what it expected.
        return (field, format!("is not valid TOML here: {message}"));
    }
    (field, message.to_owned())
}

/// The key written on the line of byte `at`, or `file`.
fn key_on_line(text: &str, at: usize) -> String {
    let start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or_default();
    match line.split_once('=') {
        Some((key, _)) if !key.trim().is_empty() && !key.trim().starts_with('[') => {
            key.trim().to_owned()
        }
        _ => "file".into(),
    }
}

/// A list item's name in a field path: its `id` where it has one, else its place from 1.
fn item_name(item: &DeValue<'_>, index: usize) -> String {
    if let DeValue::Table(table) = item {
        for (key, value) in table.iter() {
            if key.get_ref() == "id"
                && let DeValue::String(id) = value.get_ref()
            {
                return id.to_string();
            }
        }
    }
    (index + 1).to_string()
}

/// The path (`staff[SD].max_discount`) of the deepest key or value holding byte `at`.
fn path_at(table: &DeTable<'_>, at: usize) -> Option<String> {
    for (key, value) in table.iter() {
        let name = key.get_ref().to_string();
        let inside = |s: &Spanned<DeValue<'_>>| s.span().contains(&at) || s.span().start == at;
        match value.get_ref() {
            DeValue::Table(inner) => {
                if let Some(rest) = path_at(inner, at) {
                    return Some(format!("{name}.{rest}"));
                }
            }
            DeValue::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    let label = format!("{name}[{}]", item_name(item.get_ref(), index));
                    if let DeValue::Table(inner) = item.get_ref()
                        && let Some(rest) = path_at(inner, at)
                    {
                        return Some(format!("{label}.{rest}"));
                    }
                    if inside(item) {
                        return Some(label);
                    }
                }
            }
            _ => {}
        }
        if key.span().contains(&at) || inside(value) {
            return Some(name);
        }
    }
    None
}

/// Where a field the checks name (`staff[SD].keys[SD-14cd3d].public`) is written: the start of
/// its key, or of the nearest enclosing key that is.
fn locate(text: &str, field: &str) -> Option<usize> {
    let document = DeTable::parse(text).ok()?;
    let mut table = document.get_ref();
    let mut found = None;
    for segment in field.split('.') {
        let (name, item) = match segment.split_once('[') {
            Some((name, item)) => (name, Some(item.trim_end_matches(']'))),
            None => (segment, None),
        };
        let Some((key, value)) = table.iter().find(|(key, _)| key.get_ref() == name) else {
            return found;
        };
        found = Some(key.span().start);
        match (value.get_ref(), item) {
            (DeValue::Table(inner), None) => table = inner,
            (DeValue::Array(items), Some(item)) => {
                // The last of that name: where an id is used twice, the second is the mistake.
                let Some((_, chosen)) = items
                    .iter()
                    .enumerate()
                    .rfind(|(index, v)| item_name(v.get_ref(), *index) == item)
                else {
                    return found;
                };
                let DeValue::Table(inner) = chosen.get_ref() else {
                    return found;
                };
                // The item is named by its id: point at it.
                found = inner
                    .iter()
                    .find(|(key, _)| key.get_ref() == "id")
                    .map_or(Some(chosen.span().start), |(key, _)| Some(key.span().start));
                table = inner;
            }
            _ => return found,
        }
    }
    found
}
