//! Every catalogue under `locales/` against its English original: it parses, has exactly
//! English's message ids, and each message uses exactly English's variables. Files are checked
//! one by one, so a language that so far has only some of its files passes for those it has.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use nctray_i18n::{Catalogue, Language};

/// The languages the issue asks for; each needs all three files.
const REQUIRED: [&str; 11] = [
    "en", "de", "fr", "es", "it", "nl", "pt-BR", "pl", "ja", "zh-CN", "ar",
];

/// Message id (and `id.attribute`) → the variables it uses.
type Shape = BTreeMap<String, BTreeSet<String>>;

fn shape(folder: &str, stem: &str, source: &str) -> Shape {
    let resource = parser::parse(source).unwrap_or_else(|(_, errors)| {
        panic!("locales/{folder}/{stem}.ftl does not parse: {errors:?}")
    });
    let mut shape = Shape::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_variables(value, &mut variables);
                }
                shape.insert(message.id.name.to_string(), variables);
                for attribute in &message.attributes {
                    let mut variables = BTreeSet::new();
                    pattern_variables(&attribute.value, &mut variables);
                    let id = format!("{}.{}", message.id.name, attribute.id.name);
                    shape.insert(id, variables);
                }
            }
            Entry::Junk { content } => {
                panic!("locales/{folder}/{stem}.ftl has text that is no message: {content}")
            }
            // Terms (-brand) are a translation's own helpers; comments are free.
            _ => {}
        }
    }
    shape
}

fn pattern_variables(pattern: &Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, into);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, into: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, into);
            for variant in variants {
                pattern_variables(&variant.value, into);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, into),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, into);
            }
            for named in &arguments.named {
                inline_variables(&named.value, into);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, into),
        // A term's own arguments are the term's business, and literals have no variables.
        _ => {}
    }
}

fn english(stem: &str) -> Option<Shape> {
    let catalogue = Catalogue::ALL.into_iter().find(|c| c.stem() == stem)?;
    catalogue
        .source("en")
        .map(|source| shape("en", stem, source))
}

#[test]
fn every_translation_has_exactly_the_english_ids_with_the_english_variables() {
    let mut problems = Vec::new();
    for (folder, stem, source) in nctray_i18n::embedded() {
        let translation = shape(folder, stem, source);
        let Some(english) = english(stem) else {
            problems.push(format!(
                "locales/{folder}/{stem}.ftl has no English original"
            ));
            continue;
        };
        for (id, variables) in &english {
            match translation.get(id) {
                None => problems.push(format!("locales/{folder}/{stem}.ftl lacks {id}")),
                Some(theirs) if theirs != variables => problems.push(format!(
                    "locales/{folder}/{stem}.ftl: {id} uses {theirs:?}, English {variables:?}"
                )),
                Some(_) => {}
            }
        }
        for id in translation.keys().filter(|id| !english.contains_key(*id)) {
            problems.push(format!(
                "locales/{folder}/{stem}.ftl has {id}, which English lacks"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Fails until the translators' branches are merged: the issue is done when it passes.
#[test]
fn every_required_language_has_its_app_cli_and_ui_catalogues() {
    let mut missing = Vec::new();
    for language in REQUIRED {
        for catalogue in Catalogue::ALL {
            if catalogue.source(language).is_none() {
                missing.push(format!("locales/{language}/{}.ftl", catalogue.stem()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "missing catalogues: {}",
        missing.join(", ")
    );
}

#[test]
fn every_language_folder_is_a_language_nctray_can_choose() {
    for (folder, _, _) in nctray_i18n::embedded() {
        assert_eq!(
            Language::negotiate(&[folder]).tag(),
            *folder,
            "locales/{folder}"
        );
    }
}
